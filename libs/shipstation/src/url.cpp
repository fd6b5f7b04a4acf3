#include "ml/shipstation/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace ml::shipstation {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

unsigned short default_port(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

}  // namespace

std::string Url::origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

std::expected<Url, std::string> parse_url(std::string_view text) {
  const auto fail = [&](std::string_view why) {
    return std::unexpected("invalid URL \"" + std::string(text) + "\": " + std::string(why));
  };
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return fail("no scheme");
  Url url;
  url.scheme = lower(text.substr(0, scheme_end));
  if (url.scheme != "https" && url.scheme != "http") return fail("scheme must be http or https");
  const std::string_view rest = text.substr(scheme_end + 3);
  const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string_view authority = rest.substr(0, authority_end);
  if (authority.find('@') != std::string_view::npos) return fail("credentials in the URL are not allowed");
  const auto colon = authority.rfind(':');
  const std::string_view host = authority.substr(0, colon);
  if (host.empty()) return fail("no host");
  url.host = lower(host);
  url.port = default_port(url.scheme);
  if (colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc{} || ptr != port.data() + port.size() || value == 0 || value > 65535) {
      return fail("bad port");
    }
    url.port = static_cast<unsigned short>(value);
    url.explicit_port = true;
  }
  std::string_view target = rest.substr(authority_end);
  target = target.substr(0, target.find('#'));
  url.target = target.empty() || target.front() != '/' ? "/" + std::string(target) : std::string(target);
  return url;
}

std::expected<Url, std::string> allowed_resource_url(std::string_view resource_url, const Url& base) {
  auto url = parse_url(resource_url);
  if (!url) return std::unexpected("refused resource_url: " + url.error());
  if (url->scheme == base.scheme && url->host == base.host && url->port == base.port) return url;
  static const std::regex shipstation_host(R"(^ssapi\d*\.shipstation\.com$)");
  const auto refuse = [&](std::string_view why) {
    return std::unexpected("refused resource_url \"" + std::string(resource_url) + "\": " + std::string(why));
  };
  if (url->scheme != "https") return refuse("only https is allowed");
  if (!std::regex_match(url->host, shipstation_host)) return refuse("host is not ssapi[N].shipstation.com");
  if (url->port != 443) return refuse("only the default https port is allowed");
  return url;
}

std::string url_encode(std::string_view value) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace ml::shipstation
