#pragma once
/// URLs the client talks to, and the allow-list that keeps webhook `resource_url`s from sending
/// our credentials anywhere but ShipStation (SSRF guard).
#include <expected>
#include <string>
#include <string_view>

namespace ml::shipstation {

struct Url {
  std::string scheme;  ///< "https" or "http"
  std::string host;    ///< lower case
  unsigned short port = 0;
  std::string target;  ///< path and query, at least "/"
  bool explicit_port = false;

  /// "scheme://host[:port]", the key of a connection.
  std::string origin() const;
};

/// Parses an absolute http(s) URL. Userinfo ("user@host") is rejected.
std::expected<Url, std::string> parse_url(std::string_view text);

/// The URL of a webhook's resource when it may be fetched with our credentials: https on the
/// default port to a host matching ^ssapi\d*\.shipstation\.com$, or the configured base URL's
/// own scheme, host and port (the simulator). Otherwise the error says why it was refused.
std::expected<Url, std::string> allowed_resource_url(std::string_view resource_url, const Url& base);

/// Percent-encodes a query value ("2026-03-08 02:30:00" → "2026-03-08%2002%3A30%3A00").
std::string url_encode(std::string_view value);

}  // namespace ml::shipstation
