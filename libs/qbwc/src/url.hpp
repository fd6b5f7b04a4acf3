#pragma once
// Just enough URL parsing to check what the Web Connector demands of .qwc URLs.
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbwc::detail {

struct HttpUrl {
  std::string scheme;  ///< "http" or "https", lower case
  std::string host;    ///< lower case; IPv6 literals keep their brackets
};

/// An absolute http(s) URL without user info, or what is wrong with it.
std::expected<HttpUrl, std::string> parse_http_url(std::string_view url);

bool is_localhost(const HttpUrl& url);
/// IPv4 dotted quad or bracketed IPv6 literal.
bool is_ip_literal(const HttpUrl& url);
/// The last two labels of the host ("support.example.com" → "example.com").
std::string_view site_domain(const HttpUrl& url);

}  // namespace ml::qbwc::detail
