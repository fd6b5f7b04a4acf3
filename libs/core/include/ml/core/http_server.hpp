#pragma once
/// A small Boost.Beast HTTP/1.1 server (HTTPS when given a certificate): routes, body and
/// connection limits, timeouts on every read and write, and the operational endpoints every
/// service serves: /healthz, /readyz and Prometheus-text /metrics.
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>
#include <prometheus/registry.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "ml/core/log.hpp"

namespace ml::core {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
/// Produces the response to one request. Runs on the server's I/O thread: keep it short.
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
/// Empty when ready, otherwise the reason the service is not ready (reported by /readyz).
using ReadinessCheck = std::function<std::string()>;

/// PEM files for HTTPS.
struct TlsFiles {
  std::string certificate_chain;  ///< The server certificate, then any intermediates.
  std::string private_key;
};

struct HttpServerOptions {
  std::string address = "0.0.0.0";
  unsigned short port = 8080;                 ///< 0 picks a free port (see HttpServer::port()).
  std::size_t body_limit = 1024 * 1024;       ///< Larger bodies get 413.
  std::chrono::milliseconds io_timeout{30'000};  ///< Per read and per write.
  std::size_t max_connections = 512;          ///< Further connections are closed at once.
  /// When set, the server speaks HTTPS only, TLS 1.2 or newer; plain HTTP is not served.
  std::optional<TlsFiles> tls;
};

/// A response with the request's HTTP version and keep-alive, the given status, body and type.
HttpResponse make_response(const HttpRequest& request, http::status status, std::string body,
                           std::string content_type = "text/plain; charset=utf-8");

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& io, HttpServerOptions options,
             std::shared_ptr<prometheus::Registry> registry, Logger& log);
  ~HttpServer();

  /// Serves `path` exactly (the query string is ignored for matching).
  void route(http::verb method, std::string path, HttpHandler handler);
  /// Serves every path starting with `prefix`.
  void route_prefix(http::verb method, std::string prefix, HttpHandler handler);
  /// Adds a check that /readyz runs; the service is ready when every check returns "".
  void add_readiness_check(std::string name, ReadinessCheck check);

  /// Loads the TLS files (when set), binds and starts accepting; the error says why it failed.
  std::error_code start();
  /// The bound port (useful with port 0).
  unsigned short port() const;
  /// Stops accepting; idle connections close now, busy ones after their current response.
  void stop();

  class Session;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace ml::core
