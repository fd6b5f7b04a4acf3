#include "http_connection.hpp"

#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <charconv>
#include <optional>
#include <stdexcept>

namespace ml::shipstation {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

constexpr std::size_t kBodyLimit = 64 * 1024 * 1024;

std::optional<int> header_int(const http::fields& fields, std::string_view name) {
  const auto it = fields.find(beast::string_view(name.data(), name.size()));
  if (it == fields.end()) return std::nullopt;
  const auto value = it->value();
  int out = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc{}) return std::nullopt;
  return out;
}

bool peer_closed(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == asio::error::eof || ec == ssl::error::stream_truncated;
}

}  // namespace

struct HttpConnection::State {
  Url origin;
  HttpSettings settings;
  asio::io_context io;
  ssl::context tls{ssl::context::tls_client};
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;
  int connects = 0;

  bool is_open() { return (plain || secure) && tcp_layer().socket().is_open(); }
  beast::tcp_stream& tcp_layer() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

  /// Runs one asynchronous operation to completion on the private io_context.
  template <class Start>
  beast::error_code run(Start start) {
    beast::error_code result = asio::error::would_block;
    start([&result](beast::error_code ec, auto&&...) { result = ec; });
    io.restart();
    io.run();
    return result;
  }

  void close() {
    beast::error_code ignored;
    if (plain) plain->socket().close(ignored);
    if (secure) beast::get_lowest_layer(*secure).socket().close(ignored);
    plain.reset();
    secure.reset();
    buffer.clear();
  }

  std::expected<tcp::resolver::results_type, std::string> resolve() {
    tcp::resolver resolver(io);
    beast::error_code ec = asio::error::would_block;
    tcp::resolver::results_type results;
    resolver.async_resolve(origin.host, std::to_string(origin.port),
                           [&](beast::error_code e, tcp::resolver::results_type r) {
                             ec = e;
                             results = std::move(r);
                           });
    io.restart();
    io.run_for(settings.connect_timeout);
    if (ec == asio::error::would_block) {
      resolver.cancel();
      io.restart();
      io.run();  // the cancelled lookup must finish before `ec` and `results` go away
      return std::unexpected("resolving " + origin.host + " timed out");
    }
    if (ec) return std::unexpected("cannot resolve " + origin.host + ": " + ec.message());
    return results;
  }

  std::expected<void, std::string> connect() {
    close();
    const auto endpoints = resolve();
    if (!endpoints) return std::unexpected(endpoints.error());
    if (origin.scheme == "https") {
      secure.emplace(io, tls);
    } else {
      plain.emplace(io);
    }
    tcp_layer().expires_after(settings.connect_timeout);
    if (auto ec = run([&](auto h) { tcp_layer().async_connect(*endpoints, std::move(h)); })) {
      close();
      return std::unexpected("cannot connect to " + origin.origin() + ": " + ec.message());
    }
    ++connects;
    if (secure) return handshake();
    return {};
  }

  std::expected<void, std::string> handshake() {
    if (!SSL_set_tlsext_host_name(secure->native_handle(), origin.host.c_str())) {
      close();
      return std::unexpected("cannot set TLS SNI for " + origin.host);
    }
    secure->set_verify_mode(ssl::verify_peer);
    secure->set_verify_callback(ssl::host_name_verification(origin.host));
    tcp_layer().expires_after(settings.io_timeout);
    if (auto ec = run([&](auto h) { secure->async_handshake(ssl::stream_base::client, std::move(h)); })) {
      close();
      return std::unexpected("TLS handshake with " + origin.host + " failed: " + ec.message());
    }
    return {};
  }

  template <class Body>
  beast::error_code exchange(http::request<Body>& request, http::response_parser<http::string_body>& parser) {
    tcp_layer().expires_after(settings.io_timeout);
    auto ec = secure ? run([&](auto h) { http::async_write(*secure, request, std::move(h)); })
                     : run([&](auto h) { http::async_write(*plain, request, std::move(h)); });
    if (ec) return ec;
    tcp_layer().expires_after(settings.io_timeout);
    return secure ? run([&](auto h) { http::async_read(*secure, buffer, parser, std::move(h)); })
                  : run([&](auto h) { http::async_read(*plain, buffer, parser, std::move(h)); });
  }
};

HttpConnection::HttpConnection(Url origin, HttpSettings settings) : state_(std::make_unique<State>()) {
  state_->origin = std::move(origin);
  state_->settings = std::move(settings);
  state_->tls.set_default_verify_paths();
  if (!state_->settings.extra_ca_file.empty()) {
    beast::error_code ec;
    state_->tls.load_verify_file(state_->settings.extra_ca_file, ec);
    if (ec) throw std::runtime_error("cannot load CA file " + state_->settings.extra_ca_file + ": " + ec.message());
  }
  state_->tls.set_verify_mode(ssl::verify_peer);
}

HttpConnection::~HttpConnection() { state_->close(); }

int HttpConnection::connects() const { return state_->connects; }

std::expected<HttpReply, std::string> HttpConnection::get(const std::string& target,
                                                          const std::string& authorization) {
  http::request<http::empty_body> request{http::verb::get, target, 11};
  const Url& origin = state_->origin;
  request.set(http::field::host, origin.explicit_port ? origin.host + ":" + std::to_string(origin.port) : origin.host);
  request.set(http::field::user_agent, "ml-connector");
  request.set(http::field::accept, "application/json");
  request.set(http::field::authorization, authorization);
  request.keep_alive(true);

  for (int attempt = 0;; ++attempt) {
    const bool reused = state_->is_open();
    if (!reused) {
      if (auto connected = state_->connect(); !connected) return std::unexpected(connected.error());
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(kBodyLimit);
    const auto ec = state_->exchange(request, parser);
    if (ec) {
      state_->close();
      // A kept-alive connection the server already closed: open a fresh one once.
      if (reused && attempt == 0 && peer_closed(ec)) continue;
      const bool timed_out = ec == beast::error::timeout;
      return std::unexpected((timed_out ? "timed out talking to " : "request to ") + origin.origin() + target +
                             (timed_out ? "" : " failed: " + ec.message()));
    }
    auto response = parser.release();
    if (!response.keep_alive()) state_->close();
    HttpReply reply;
    reply.status = static_cast<int>(response.result_int());
    reply.rate = {header_int(response, "X-Rate-Limit-Limit"), header_int(response, "X-Rate-Limit-Remaining"),
                  header_int(response, "X-Rate-Limit-Reset")};
    reply.body = std::move(response.body());
    return reply;
  }
}

}  // namespace ml::shipstation
