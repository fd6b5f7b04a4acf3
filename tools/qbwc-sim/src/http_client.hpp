#pragma once
// One SOAP POST per call over HTTP/1.1 (Boost.Beast), with QBWC's headers and a timeout on
// connect, write and read.
#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbwc_sim {

struct HttpTarget {
  std::string host;
  std::string port;
  std::string path;
};
/// "http://host[:port]/path"; https is refused with a clear message.
std::expected<HttpTarget, std::string> parse_http_url(std::string_view url);

struct HttpReply {
  unsigned status = 0;
  std::string body;
};

inline constexpr std::string_view kQbwcUserAgent =
    "Mozilla/4.0 (compatible; MSIE 6.0; MS Web Services Client Protocol 2.0.50727.1433)";

/// POSTs `body` with SOAPAction "http://developer.intuit.com/<method>". With `await_reply` false
/// the connection is dropped right after the request is written (a timed-out round trip).
std::expected<HttpReply, std::string> post_soap(const HttpTarget& target, std::string_view method, std::string body,
                                                std::chrono::milliseconds timeout, bool await_reply);

}  // namespace ml::qbwc_sim
