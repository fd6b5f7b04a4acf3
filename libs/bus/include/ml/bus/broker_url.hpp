#pragma once
/// Where the broker is: the parts of an amqp:// or amqps:// URL.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace ml::bus {

/// A parsed broker URL. `amqp://user:password@host:port/vhost`; the vhost is percent-decoded,
/// so the default vhost "/" is written `%2F`.
struct BrokerUrl {
  bool tls = false;             ///< amqps: TLS with peer verification
  std::string user = "guest";
  std::string password = "guest";
  std::string host;
  std::uint16_t port = 5672;    ///< 5672 for amqp, 5671 for amqps when the URL names none
  std::string vhost = "/";      ///< "/" when the URL has no path or an empty one

  /// The URL again, with the password replaced by "***" (for logs and error messages).
  std::string redacted() const;
};

/// Parses `text`; on failure says what is wrong and where, never echoing the password.
std::expected<BrokerUrl, std::string> parse_broker_url(std::string_view text);

}  // namespace ml::bus
