#pragma once
// The client's request path: one keep-alive connection per origin, the rate limiter, and the
// retry policy (401 never, 429 after the window resets, 5xx and lost connections with backoff).
#include <map>
#include <memory>
#include <string>

#include "http_connection.hpp"
#include "ml/shipstation/client.hpp"
#include "ml/shipstation/parse.hpp"

namespace ml::shipstation {

/// A 2xx answer to GET `target` whose body could not be used.
inline ClientError bad_response(const std::string& target, const ParseError& error) {
  return {ErrorKind::bad_response, 200, "GET " + target + ": " + error.describe()};
}

struct Client::Impl {
  ClientOptions options;
  Url base;
  std::string authorization;
  std::shared_ptr<RateLimiter> limiter;
  Sleeper sleeper;
  std::map<std::string, std::unique_ptr<HttpConnection>> connections;
  std::int64_t requests = 0;
  std::int64_t throttled = 0;

  /// GET `target` on `origin`; `server_retries` bounds the retries of 5xx and lost connections.
  Result<std::string> send(const Url& origin, const std::string& target, int server_retries);
  /// The keep-alive connection to `origin`, created on first use.
  HttpConnection& connection(const Url& origin);

 private:
  void back_off(int failures);
};

}  // namespace ml::shipstation
