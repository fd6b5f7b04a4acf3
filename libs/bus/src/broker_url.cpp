#include "ml/bus/broker_url.hpp"

#include <charconv>

namespace ml::bus {
namespace {

using Result = std::expected<BrokerUrl, std::string>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::expected<std::string, std::string> percent_decode(std::string_view text, std::string_view part) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0)
      return std::unexpected("bad percent-escape in the " + std::string(part) + " at offset " + std::to_string(i) +
                             " (expected %XX with two hex digits)");
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::expected<std::uint16_t, std::string> parse_port(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535)
    return std::unexpected("port '" + std::string(text) + "' is not a number from 1 to 65535");
  return static_cast<std::uint16_t>(value);
}

std::expected<void, std::string> parse_userinfo(std::string_view userinfo, BrokerUrl& url) {
  const auto colon = userinfo.find(':');
  auto user = percent_decode(userinfo.substr(0, colon), "user name");
  if (!user) return std::unexpected(user.error());
  url.user = *user;
  if (colon == std::string_view::npos) return {};
  auto password = percent_decode(userinfo.substr(colon + 1), "password");
  if (!password) return std::unexpected(password.error());
  url.password = *password;
  return {};
}

std::expected<void, std::string> parse_host_port(std::string_view authority, BrokerUrl& url) {
  std::string_view port_text;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::unexpected("IPv6 host is missing its closing ']'");
    url.host = authority.substr(1, close - 1);
    const auto rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':'))
      return std::unexpected("unexpected '" + std::string(rest) + "' after the IPv6 host");
    if (!rest.empty()) port_text = rest.substr(1);
    if (rest == ":") return std::unexpected("port is empty after ':'");
  } else {
    const auto colon = authority.rfind(':');
    url.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      if (port_text.empty()) return std::unexpected("port is empty after ':'");
    }
  }
  if (url.host.empty()) return std::unexpected("host is missing");
  if (port_text.empty()) return {};
  auto port = parse_port(port_text);
  if (!port) return std::unexpected(port.error());
  url.port = *port;
  return {};
}

Result parse(std::string_view text) {
  BrokerUrl url;
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::unexpected("missing scheme (expected amqp:// or amqps://)");
  const auto scheme = text.substr(0, scheme_end);
  if (scheme != "amqp" && scheme != "amqps")
    return std::unexpected("unsupported scheme '" + std::string(scheme) + "' (expected amqp or amqps)");
  url.tls = scheme == "amqps";
  url.port = url.tls ? 5671 : 5672;
  auto rest = text.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos)
    return std::unexpected("query parameters and fragments are not supported");
  const auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    if (auto ok = parse_userinfo(authority.substr(0, at), url); !ok) return std::unexpected(ok.error());
    authority = authority.substr(at + 1);
  }
  if (auto ok = parse_host_port(authority, url); !ok) return std::unexpected(ok.error());
  if (slash == std::string_view::npos) return url;
  const auto path = rest.substr(slash + 1);
  if (path.find('/') != std::string_view::npos)
    return std::unexpected("vhost '" + std::string(path) + "' contains '/': write it as %2F");
  auto vhost = percent_decode(path, "vhost");
  if (!vhost) return std::unexpected(vhost.error());
  if (!vhost->empty()) url.vhost = *vhost;
  return url;
}

std::string percent_encode_vhost(std::string_view vhost) {
  std::string out;
  for (char c : vhost) {
    if (c == '/' || c == '%') {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += '%';
      out += digits[static_cast<unsigned char>(c) >> 4];
      out += digits[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string BrokerUrl::redacted() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return std::string(tls ? "amqps" : "amqp") + "://" + user + ":***@" + (ipv6 ? "[" + host + "]" : host) + ":" +
         std::to_string(port) + "/" + percent_encode_vhost(vhost);
}

std::expected<BrokerUrl, std::string> parse_broker_url(std::string_view text) {
  auto url = parse(text);
  if (!url) {
    const auto at = text.rfind('@');
    const auto shown = at == std::string_view::npos ? std::string(text) : "..." + std::string(text.substr(at));
    return std::unexpected("invalid broker URL '" + shown + "': " + url.error());
  }
  return url;
}

}  // namespace ml::bus
