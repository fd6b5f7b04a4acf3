#pragma once
// One keep-alive HTTP/1.1 connection to one origin (https with peer verification and SNI, or
// plain http for the simulator), with a deadline on connect, on each write and on each read.
#include <chrono>
#include <expected>
#include <memory>
#include <string>

#include "ml/shipstation/rate_limiter.hpp"
#include "ml/shipstation/url.hpp"

namespace ml::shipstation {

struct HttpReply {
  int status = 0;
  std::string body;
  RateLimitHeaders rate;
};

struct HttpSettings {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds io_timeout{60'000};  ///< per write and per read
  std::string extra_ca_file;                     ///< trusted besides the system CA store
};

class HttpConnection {
 public:
  /// Throws std::runtime_error when `extra_ca_file` cannot be loaded.
  HttpConnection(Url origin, HttpSettings settings);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  /// GET `target` with the given Authorization header; the error describes the network failure.
  std::expected<HttpReply, std::string> get(const std::string& target, const std::string& authorization);
  /// Connections opened so far (1 while keep-alive holds).
  int connects() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ml::shipstation
