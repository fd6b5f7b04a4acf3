#pragma once
// A tiny QBWC SOAP endpoint for driving the Web Connector in tests: it answers from a script and
// records every call with its headers and parameters.
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ml/core/http_server.hpp"

namespace ml::qbwc_sim::test {

struct RecordedCall {
  std::string method;
  std::map<std::string, std::string> params;
  std::string soap_action, content_type, user_agent;
};

class ScriptedService {
 public:
  ScriptedService();
  ~ScriptedService();

  std::string url() const;
  std::vector<RecordedCall> calls() const;
  std::vector<std::string> methods() const;
  /// Waits (up to 5 s) until `count` calls were recorded.
  bool wait_for_calls(std::size_t count) const;

  // The script; set before the session runs.
  std::vector<std::string> authenticate_result{"ticket-1", ""};
  std::string client_version_result;
  std::deque<std::string> requests;  ///< sendRequestXML answers; "" once empty.
  std::function<int(std::size_t sets_left)> percent = [](std::size_t left) { return left == 0 ? 100 : 50; };
  /// getLastError answers in order; the last one repeats.
  std::deque<std::string> last_errors{"Nothing to do"};
  std::string connection_error_result = "done";

 private:
  core::HttpResponse handle(const core::HttpRequest& request);
  std::string answer(const RecordedCall& call);

  boost::asio::io_context io_;
  std::ostringstream log_text_;
  core::Logger log_{"scripted-qbwc", &log_text_};
  std::unique_ptr<core::HttpServer> server_;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<RecordedCall> calls_;
};

}  // namespace ml::qbwc_sim::test
