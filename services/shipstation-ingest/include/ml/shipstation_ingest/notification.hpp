#pragma once
/// A webhook delivery as the ingest accepts it: parsed, its resource_url allowed, and the kind of
/// list it points at known.
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "ml/shipstation/url.hpp"

namespace ml::shipstation_ingest {

/// What a resource_url lists.
enum class ResourceKind { orders, shipments };

struct Notification {
  std::string resource_url;
  std::optional<std::string> resource_type;  ///< "ORDER_NOTIFY", "SHIP_NOTIFY", ...
  ResourceKind kind = ResourceKind::orders;
};

/// Why a webhook body was refused; `reason` is given back with the 400.
struct NotificationError {
  enum class Kind { malformed, refused_url } kind;
  std::string reason;
};

/// The body of a webhook POST checked completely: JSON with a string `resource_url` that the
/// allow-list accepts (https ssapi[N].shipstation.com, or `base`'s own origin) and whose path is
/// `/orders` or `/shipments`.
std::expected<Notification, NotificationError> parse_notification(std::string_view body, const shipstation::Url& base);

/// "orders" or "shipments" (stored with the notification).
std::string_view to_string(ResourceKind kind);
/// The inverse of to_string; nullopt for other text.
std::optional<ResourceKind> resource_kind_from_string(std::string_view text);

}  // namespace ml::shipstation_ingest
