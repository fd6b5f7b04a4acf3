#include "ml/core/http_server.hpp"

#include <openssl/ssl.h>

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/text_serializer.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <variant>
#include <vector>

namespace ml::core {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

struct Route {
  http::verb method;
  std::string path;
  bool prefix;
  HttpHandler handler;
};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// TLS 1.2 and newer only (SSLv2/3, TLS 1.0 and 1.1 are refused at the handshake).
std::error_code load_tls(net::ssl::context& context, const TlsFiles& files) {
  beast::error_code ec;
  context.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                          net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                          net::ssl::context::single_dh_use,
                      ec);
  if (!ec && SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1)
    ec = net::error::invalid_argument;
  if (!ec) context.use_certificate_chain_file(files.certificate_chain, ec);
  if (!ec) context.use_private_key_file(files.private_key, net::ssl::context::pem, ec);
  return ec;
}

std::string_view target_path(const HttpRequest& request) {
  std::string_view target(request.target().data(), request.target().size());
  return target.substr(0, target.find('?'));
}

}  // namespace

HttpResponse make_response(const HttpRequest& request, http::status status, std::string body,
                           std::string content_type) {
  HttpResponse response{status, request.version()};
  response.set(http::field::server, "ml-connector");
  response.set(http::field::content_type, content_type);
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

struct HttpServer::State : std::enable_shared_from_this<HttpServer::State> {
  State(net::io_context& io, HttpServerOptions o, std::shared_ptr<prometheus::Registry> r, Logger& l)
      : io(io), acceptor(net::make_strand(io)), tls_context(net::ssl::context::tls_server), options(std::move(o)),
        registry(std::move(r)), log(l),
        requests(prometheus::BuildCounter()
                     .Name("ml_http_requests_total")
                     .Help("HTTP requests served, by route and status code")
                     .Register(*registry)),
        latency(prometheus::BuildHistogram()
                    .Name("ml_http_request_duration_seconds")
                    .Help("Time to produce an HTTP response, by route")
                    .Register(*registry)) {}

  HttpResponse dispatch(const HttpRequest& request);
  void fail(beast::error_code ec, const char* what) {
    if (ec == net::error::operation_aborted || ec == beast::error::timeout || ec == net::ssl::error::stream_truncated)
      return;
    log.warn("http connection error", {{"op", what}, {"error", ec.message()}});
  }
  void accept();

  net::io_context& io;
  tcp::acceptor acceptor;
  net::ssl::context tls_context;
  HttpServerOptions options;
  std::shared_ptr<prometheus::Registry> registry;
  Logger& log;
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& latency;
  std::vector<Route> routes;
  std::vector<std::pair<std::string, ReadinessCheck>> readiness;
  std::mutex sessions_mutex;
  std::set<std::shared_ptr<Session>> sessions;
  std::atomic<bool> stopping{false};
};

class HttpServer::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(PlainStream&& stream, std::shared_ptr<State> state) : stream_(std::move(stream)), state_(std::move(state)) {}
  Session(TlsStream&& stream, std::shared_ptr<State> state)
      : stream_(std::in_place_type<TlsStream>, std::move(stream)), state_(std::move(state)) {}

  void run() {
    net::dispatch(lowest_layer().get_executor(), beast::bind_front_handler(&Session::start, shared_from_this()));
  }

  void close_if_idle() {
    net::post(lowest_layer().get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->close();
    });
  }

 private:
  PlainStream& lowest_layer() {
    return std::visit([](auto& stream) -> PlainStream& { return beast::get_lowest_layer(stream); }, stream_);
  }

  void start() {
    auto* tls = std::get_if<TlsStream>(&stream_);
    if (!tls) return read();
    idle_ = true;
    lowest_layer().expires_after(state_->options.io_timeout);
    tls->async_handshake(net::ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
      if (ec) {
        self->state_->fail(ec, "tls handshake");
        return self->close();
      }
      self->tls_open_ = true;
      self->read();
    });
  }

  void read() {
    idle_ = true;
    parser_.emplace();
    parser_->body_limit(state_->options.body_limit);
    lowest_layer().expires_after(state_->options.io_timeout);
    std::visit(
        [this](auto& stream) {
          http::async_read(stream, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
        },
        stream_);
  }

  void on_read(beast::error_code ec, std::size_t) {
    idle_ = false;
    if (ec == http::error::end_of_stream) return close();
    if (ec == http::error::body_limit) return reject(http::status::payload_too_large, "request body is larger than " + std::to_string(state_->options.body_limit) + " bytes");
    if (ec == http::error::header_limit) return reject(http::status::request_header_fields_too_large, "request headers are too large");
    if (ec) {
      state_->fail(ec, "read");
      return close();
    }
    auto response = std::make_shared<HttpResponse>(state_->dispatch(parser_->get()));
    if (state_->stopping) response->keep_alive(false);
    write(std::move(response));
  }

  void reject(http::status status, std::string reason) {
    HttpRequest request{http::verb::unknown, "/", 11};
    auto response = std::make_shared<HttpResponse>(make_response(request, status, reason + "\n"));
    response->keep_alive(false);
    write(std::move(response));
  }

  void write(std::shared_ptr<HttpResponse> response) {
    lowest_layer().expires_after(state_->options.io_timeout);
    auto done = [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
      if (ec) {
        self->state_->fail(ec, "write");
        return self->close();
      }
      if (!response->keep_alive()) return self->close();
      self->read();
    };
    std::visit([&](auto& stream) { http::async_write(stream, *response, std::move(done)); }, stream_);
  }

  // An established TLS session says close_notify first (bounded by the I/O timeout), then the
  // socket closes.
  void close() {
    auto* tls = std::get_if<TlsStream>(&stream_);
    if (tls && tls_open_) {
      tls_open_ = false;
      lowest_layer().expires_after(state_->options.io_timeout);
      return tls->async_shutdown([self = shared_from_this()](beast::error_code) { self->close(); });
    }
    beast::error_code ignored;
    lowest_layer().socket().shutdown(tcp::socket::shutdown_send, ignored);
    lowest_layer().socket().close(ignored);
    std::lock_guard lock(state_->sessions_mutex);
    state_->sessions.erase(shared_from_this());
  }

  std::variant<PlainStream, TlsStream> stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<State> state_;
  bool idle_ = false;
  bool tls_open_ = false;  ///< handshake done, close_notify not sent yet
};

HttpResponse HttpServer::State::dispatch(const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const auto path = target_path(request);
  const Route* match = nullptr;
  bool path_known = false;
  for (const auto& route : routes) {
    if (route.prefix ? !path.starts_with(route.path) : path != route.path) continue;
    path_known = true;
    if (route.method == request.method()) {
      match = &route;
      break;
    }
  }
  HttpResponse response = match ? match->handler(request)
                          : path_known
                              ? make_response(request, http::status::method_not_allowed, "method not allowed\n")
                              : make_response(request, http::status::not_found, "not found\n");
  const std::string label = match ? match->path : "unmatched";
  requests.Add({{"route", label}, {"code", std::to_string(response.result_int())}}).Increment();
  static const prometheus::Histogram::BucketBoundaries buckets{0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5};
  latency.Add({{"route", label}}, buckets)
      .Observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return response;
}

void HttpServer::State::accept() {
  acceptor.async_accept(net::make_strand(io), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      self->fail(ec, "accept");
      if (!self->acceptor.is_open()) return;
    } else {
      std::shared_ptr<Session> session;
      {
        std::lock_guard lock(self->sessions_mutex);
        if (self->sessions.size() < self->options.max_connections) {
          PlainStream stream(std::move(socket));
          session = self->options.tls ? std::make_shared<Session>(TlsStream(std::move(stream), self->tls_context), self)
                                      : std::make_shared<Session>(std::move(stream), self);
          self->sessions.insert(session);
        }
      }
      if (session) session->run();
    }
    self->accept();
  });
}

HttpServer::HttpServer(net::io_context& io, HttpServerOptions options,
                       std::shared_ptr<prometheus::Registry> registry, Logger& log)
    : state_(std::make_shared<State>(io, std::move(options), std::move(registry), log)) {
  route(http::verb::get, "/healthz", [](const HttpRequest& request) {
    return make_response(request, http::status::ok, "ok\n");
  });
  route(http::verb::get, "/readyz", [state = state_.get()](const HttpRequest& request) {
    std::string reasons;
    for (const auto& [name, check] : state->readiness)
      if (auto reason = check(); !reason.empty()) reasons += name + ": " + reason + "\n";
    if (state->stopping) reasons += "stopping\n";
    return reasons.empty() ? make_response(request, http::status::ok, "ready\n")
                           : make_response(request, http::status::service_unavailable, reasons);
  });
  route(http::verb::get, "/metrics", [state = state_.get()](const HttpRequest& request) {
    return make_response(request, http::status::ok,
                         prometheus::TextSerializer().Serialize(state->registry->Collect()),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::route(http::verb method, std::string path, HttpHandler handler) {
  state_->routes.push_back({method, std::move(path), false, std::move(handler)});
}

void HttpServer::route_prefix(http::verb method, std::string prefix, HttpHandler handler) {
  state_->routes.push_back({method, std::move(prefix), true, std::move(handler)});
}

void HttpServer::add_readiness_check(std::string name, ReadinessCheck check) {
  state_->readiness.emplace_back(std::move(name), std::move(check));
}

std::error_code HttpServer::start() {
  if (state_->options.tls)
    if (auto ec = load_tls(state_->tls_context, *state_->options.tls)) return ec;
  beast::error_code ec;
  auto address = net::ip::make_address(state_->options.address, ec);
  if (ec) return ec;
  tcp::endpoint endpoint{address, state_->options.port};
  auto& acceptor = state_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    acceptor.close(ignored);
    return ec;
  }
  state_->accept();
  return {};
}

unsigned short HttpServer::port() const {
  beast::error_code ec;
  auto endpoint = state_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void HttpServer::stop() {
  net::post(state_->acceptor.get_executor(), [state = state_] {
    state->stopping = true;
    beast::error_code ignored;
    state->acceptor.close(ignored);
    std::lock_guard lock(state->sessions_mutex);
    for (const auto& session : state->sessions) session->close_if_idle();
  });
}

}  // namespace ml::core
