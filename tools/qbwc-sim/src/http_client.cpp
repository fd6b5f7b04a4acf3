#include "http_client.hpp"

#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace ml::qbwc_sim {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

std::string describe(std::string_view step, const beast::error_code& ec) {
  if (ec == beast::error::timeout) return std::string(step) + " timed out";
  return std::string(step) + " failed: " + ec.message();
}

}  // namespace

std::expected<HttpTarget, std::string> parse_http_url(std::string_view url) {
  if (url.starts_with("https://"))
    return std::unexpected("https is not supported by qbwc-sim; give the service's plain http:// URL");
  if (!url.starts_with("http://")) return std::unexpected("'" + std::string(url) + "' is not an http:// URL");
  url.remove_prefix(7);
  const auto slash = url.find('/');
  const std::string_view authority = url.substr(0, slash);
  HttpTarget target{std::string(authority), "80", slash == std::string_view::npos ? "/" : std::string(url.substr(slash))};
  if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    target.host = std::string(authority.substr(0, colon));
    target.port = std::string(authority.substr(colon + 1));
  }
  if (target.host.empty() || target.port.empty()) return std::unexpected("'" + std::string(url) + "' has no host or port");
  return target;
}

std::expected<HttpReply, std::string> post_soap(const HttpTarget& target, std::string_view method, std::string body,
                                                std::chrono::milliseconds timeout, bool await_reply) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code ec;
  tcp::resolver resolver(io);
  const auto endpoints = resolver.resolve(target.host, target.port, ec);
  if (ec) return std::unexpected(describe("resolving " + target.host, ec));

  stream.expires_after(timeout);
  stream.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) { ec = e; });
  io.run();
  if (ec) return std::unexpected(describe("connecting to " + target.host + ":" + target.port, ec));

  http::request<http::string_body> request{http::verb::post, target.path, 11};
  request.set(http::field::host, target.host + ":" + target.port);
  request.set(http::field::user_agent, std::string(kQbwcUserAgent));
  request.set(http::field::content_type, "text/xml; charset=utf-8");
  request.set("SOAPAction", "\"http://developer.intuit.com/" + std::string(method) + "\"");
  request.body() = std::move(body);
  request.prepare_payload();
  stream.expires_after(timeout);
  http::async_write(stream, request, [&](beast::error_code e, std::size_t) { ec = e; });
  io.restart();
  io.run();
  if (ec) return std::unexpected(describe("sending " + std::string(method), ec));
  if (!await_reply) {
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return HttpReply{};
  }

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  stream.expires_after(timeout);
  http::async_read(stream, buffer, parser, [&](beast::error_code e, std::size_t) { ec = e; });
  io.restart();
  io.run();
  if (ec) return std::unexpected(describe("reading the answer to " + std::string(method), ec));
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  auto response = parser.release();
  return HttpReply{response.result_int(), std::move(response.body())};
}

}  // namespace ml::qbwc_sim
