#include "ml/mlctl/management_api.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http.hpp>
#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>

#include "ml/mlctl/context.hpp"

namespace ml::mlctl {
namespace {

namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

constexpr std::size_t kBodyLimit = 64 * 1024 * 1024;

std::string base64(const std::string& text) {
  std::string encoded(boost::beast::detail::base64::encoded_size(text.size()), '\0');
  encoded.resize(boost::beast::detail::base64::encode(encoded.data(), text.data(), text.size()));
  return encoded;
}

std::string rabbit_reason(const std::string& body) {
  rapidjson::Document json;
  json.Parse(body.c_str(), body.size());
  if (!json.HasParseError() && json.IsObject() && json.HasMember("reason") && json["reason"].IsString())
    return json["reason"].GetString();
  return body.substr(0, 200);
}

}  // namespace

HttpEndpoint HttpEndpoint::parse(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) throw CommandError("'" + url + "' is not an http:// URL");
  const auto rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  const auto authority = rest.substr(0, slash);
  HttpEndpoint endpoint;
  const auto colon = authority.rfind(':');
  endpoint.host = authority.substr(0, colon);
  endpoint.port = colon == std::string::npos ? "80" : authority.substr(colon + 1);
  endpoint.base = slash == std::string::npos ? "" : rest.substr(slash);
  while (endpoint.base.ends_with('/')) endpoint.base.pop_back();
  if (endpoint.host.empty()) throw CommandError("'" + url + "' names no host");
  return endpoint;
}

HttpReply http_request(const HttpEndpoint& endpoint, const std::string& method, const std::string& target,
                       const std::string& body, const std::string& basic_auth, const std::string& content_type) {
  const auto where = "http://" + endpoint.host + ":" + endpoint.port + endpoint.base + target;
  boost::asio::io_context io;
  boost::beast::tcp_stream stream(io);
  boost::system::error_code error;
  const auto addresses = tcp::resolver(io).resolve(endpoint.host, endpoint.port, error);
  if (error) throw CommandError(where + ": " + error.message());
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(addresses, error);
  if (error) throw CommandError(where + ": " + error.message());
  http::request<http::string_body> request(http::string_to_verb(method), endpoint.base + target, 11);
  request.set(http::field::host, endpoint.host);
  if (!basic_auth.empty()) request.set(http::field::authorization, "Basic " + base64(basic_auth));
  if (!body.empty()) request.set(http::field::content_type, content_type);
  request.body() = body;
  request.prepare_payload();
  http::write(stream, request, error);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kBodyLimit);
  if (!error) http::read(stream, buffer, parser, error);
  if (error) throw CommandError(where + ": " + error.message());
  stream.socket().shutdown(tcp::socket::shutdown_both, error);
  return {static_cast<int>(parser.get().result_int()), std::move(parser.get().body())};
}

std::string path_segment(const std::string& text) {
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return encoded;
}

ManagementApi::ManagementApi(const std::string& url, std::string user, std::string password)
    : endpoint_(HttpEndpoint::parse(url)), auth_(std::move(user) + ":" + std::move(password)) {}

std::string ManagementApi::call(const std::string& method, const std::string& api_path, const std::string& body) const {
  auto reply = http_request(endpoint_, method, "/api" + api_path, body, auth_);
  if (reply.status < 200 || reply.status > 299)
    throw CommandError("RabbitMQ management API " + method + " /api" + api_path + ": " + std::to_string(reply.status) +
                       " " + rabbit_reason(reply.body));
  return std::move(reply.body);
}

}  // namespace ml::mlctl
