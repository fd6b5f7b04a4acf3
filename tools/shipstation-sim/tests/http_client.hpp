#pragma once
// Test support: the simulator on a background thread, a small synchronous Beast client, and a
// webhook receiver.
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/beast/http.hpp>
#include <rapidjson/document.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ml/core/http_server.hpp"
#include "ml/shipstation_sim/sim_server.hpp"

namespace sim_test {

namespace sim = ml::shipstation_sim;
using namespace std::chrono_literals;

struct Reply {
  unsigned status = 0;
  std::string body;
  boost::beast::http::fields headers;

  std::string header(const std::string& name) const { return std::string(headers[name]); }
  rapidjson::Document json() const;
};

/// "Basic " + base64("ShipStation:Rocks"), the official example credential.
inline const std::string kGoodAuth = "Basic U2hpcFN0YXRpb246Um9ja3M=";

Reply request(unsigned short port, boost::beast::http::verb method, const std::string& target,
              const std::optional<std::string>& auth = kGoodAuth, const std::string& body = "");
inline Reply get(unsigned short port, const std::string& target, const std::optional<std::string>& auth = kGoodAuth) {
  return request(port, boost::beast::http::verb::get, target, auth);
}

/// Parses an RFC 3339 UTC time ("2026-03-10T20:00:00Z").
ml::core::TimePoint utc(const char* rfc3339);

/// A SimServer on port 0 driven by a ManualClock, its io running on a thread.
class RunningSim {
 public:
  explicit RunningSim(sim::SimOptions options = {}, const char* start = "2026-03-10T20:00:00Z");
  ~RunningSim();

  unsigned short port() const { return server_->port(); }
  sim::SimServer& server() { return *server_; }
  sim::Scenario& scenario() { return server_->scenario(); }
  ml::core::ManualClock& clock() { return *clock_; }
  Reply get(const std::string& target, const std::optional<std::string>& auth = kGoodAuth) {
    return sim_test::get(port(), target, auth);
  }
  /// The first store's id.
  std::int64_t store(std::size_t index = 0);

 private:
  std::shared_ptr<ml::core::ManualClock> clock_;
  boost::asio::io_context io_;
  std::unique_ptr<sim::SimServer> server_;
  std::thread thread_;
};

/// Records webhook POST bodies sent to http://127.0.0.1:port/hook.
class WebhookReceiver {
 public:
  WebhookReceiver();
  ~WebhookReceiver();

  std::string url() const;
  /// Waits until at least `count` bodies arrived (or `timeout`); returns all received so far.
  std::vector<std::string> wait_for(std::size_t count, std::chrono::milliseconds timeout = 3s);

 private:
  boost::asio::io_context io_;
  ml::core::Logger log_;
  std::unique_ptr<ml::core::HttpServer> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<std::string> bodies_;
};

/// A plain order for the given store with one line (10 × 2.50).
sim::NewOrder simple_order(std::int64_t store_id, std::string number = "");

/// Member names of a JSON object.
std::set<std::string> keys_of(const rapidjson::Value& object);

}  // namespace sim_test
