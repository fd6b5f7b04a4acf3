#include "url.hpp"

#include <algorithm>
#include <cctype>

namespace ml::qbwc::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_host_character(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; }

}  // namespace

std::expected<HttpUrl, std::string> parse_http_url(std::string_view url) {
  if (std::ranges::any_of(url, [](unsigned char c) { return c <= 0x20 || c >= 0x7F; })) {
    return std::unexpected("contains spaces, control or non-ASCII characters");
  }
  const auto separator = url.find("://");
  if (separator == std::string_view::npos) return std::unexpected("is not an absolute URL");
  HttpUrl parsed{lower(url.substr(0, separator)), {}};
  if (parsed.scheme != "http" && parsed.scheme != "https") {
    return std::unexpected("must be an http or https URL, not " + parsed.scheme);
  }
  const auto rest = url.substr(separator + 3);
  const auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) return std::unexpected("must not carry user info");
  const auto host_end = authority.starts_with("[") ? authority.find(']') + 1 : authority.find(':');
  const auto host = authority.substr(0, host_end);
  if (host.empty() || (!host.starts_with("[") && !std::ranges::all_of(host, is_host_character))) {
    return std::unexpected("has no valid host name");
  }
  const auto port = host_end >= authority.size() ? std::string_view() : authority.substr(host_end);
  if (!port.empty() &&
      (port.size() < 2 || port[0] != ':' ||
       !std::ranges::all_of(port.substr(1), [](unsigned char c) { return std::isdigit(c); }))) {
    return std::unexpected("has an invalid port");
  }
  parsed.host = lower(host);
  return parsed;
}

bool is_localhost(const HttpUrl& url) { return url.host == "localhost"; }

bool is_ip_literal(const HttpUrl& url) {
  return url.host.starts_with("[") ||
         std::ranges::all_of(url.host, [](unsigned char c) { return std::isdigit(c) || c == '.'; });
}

std::string_view site_domain(const HttpUrl& url) {
  const std::string_view host = url.host;
  const auto last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return host;
  const auto second_dot = host.rfind('.', last_dot - 1);
  return second_dot == std::string_view::npos ? host : host.substr(second_dot + 1);
}

}  // namespace ml::qbwc::detail
