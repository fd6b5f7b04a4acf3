#include "ml/shipstation_ingest/notification.hpp"

#include <cctype>

#include "ml/shipstation/parse.hpp"

namespace ml::shipstation_ingest {
namespace {

std::string lower_path(const std::string& target) {
  std::string path = target.substr(0, target.find('?'));
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  for (char& c : path) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return path;
}

}  // namespace

std::expected<Notification, NotificationError> parse_notification(std::string_view body, const shipstation::Url& base) {
  auto payload = shipstation::parse_webhook_payload(body);
  if (!payload)
    return std::unexpected(
        NotificationError{NotificationError::Kind::malformed, "webhook body: " + payload.error().describe()});
  auto url = shipstation::allowed_resource_url(payload->resource_url, base);
  if (!url) return std::unexpected(NotificationError{NotificationError::Kind::refused_url, url.error()});
  Notification n{payload->resource_url, payload->resource_type, ResourceKind::orders};
  const auto path = lower_path(url->target);
  if (path == "/orders" || path == "/orders/list") return n;
  if (path == "/shipments") {
    n.kind = ResourceKind::shipments;
    return n;
  }
  return std::unexpected(
      NotificationError{NotificationError::Kind::refused_url,
                        "resource_url \"" + payload->resource_url + "\" lists neither /orders nor /shipments"});
}

std::string_view to_string(ResourceKind kind) { return kind == ResourceKind::orders ? "orders" : "shipments"; }

std::optional<ResourceKind> resource_kind_from_string(std::string_view text) {
  if (text == "orders") return ResourceKind::orders;
  if (text == "shipments") return ResourceKind::shipments;
  return std::nullopt;
}

}  // namespace ml::shipstation_ingest
