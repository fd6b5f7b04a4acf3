#pragma once
/// What travels on the bus: outgoing messages and incoming deliveries.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ml::bus {

/// Application headers, string-valued (numbers the broker adds arrive as decimal text).
using Headers = std::vector<std::pair<std::string, std::string>>;

/// The value of header `name`, if present.
std::optional<std::string_view> find_header(const Headers& headers, std::string_view name);

/// Header names the bus itself sets.
namespace header {
inline constexpr std::string_view attempt = "x-ml-attempt";                 ///< 1 on first delivery
inline constexpr std::string_view retry_reason = "x-ml-retry-reason";       ///< why the last attempt asked for a retry
inline constexpr std::string_view reject_reason = "x-ml-reject-reason";     ///< why the message is in the DLQ
inline constexpr std::string_view routing_key = "x-ml-routing-key";         ///< routing key of the original publish
inline constexpr std::string_view rejected_by = "x-ml-rejected-by";         ///< queue whose consumer rejected it
}  // namespace header

/// A message to publish (persistent, mandatory, confirmed).
struct Message {
  std::string message_id;  ///< the envelope id; consumers deduplicate on it (and drop messages without)
  std::string routing_key;
  std::string body;
  Headers headers;
  std::string content_type = "application/json";
};

/// A message as a consumer receives it.
struct Delivery {
  std::string queue;
  std::string message_id;
  std::string routing_key;  ///< of the original publish, also after a retry round trip
  std::string body;
  std::string content_type;
  Headers headers;
  int attempt = 1;          ///< 1 on first delivery, +1 after each RetryLater
  bool redelivered = false; ///< the broker delivered it before (e.g. to a consumer that died)
};

}  // namespace ml::bus
