#pragma once
/// Alerts: things a person has to look at.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"

namespace ml::messages {

enum class AlertSeverity { info, warning, error, critical };
template <>
struct EnumNames<AlertSeverity> {
  static constexpr std::array<std::string_view, 4> names{"info", "warning", "error", "critical"};
};

/// Alert kinds known today; `AlertRaised::kind` accepts any snake_case word so new kinds need no new version.
namespace alert_kind {
inline constexpr std::string_view unknown_customer = "unknown_customer";
inline constexpr std::string_view unknown_item = "unknown_item";
inline constexpr std::string_view inventory_discrepancy = "inventory_discrepancy";
inline constexpr std::string_view posting_failed = "posting_failed";
inline constexpr std::string_view in_doubt_unresolved = "in_doubt_unresolved";
inline constexpr std::string_view dead_letter = "dead_letter";
}  // namespace alert_kind

struct AlertRaised {
  static constexpr std::string_view type_name = "alert.raised";
  static constexpr int version = 1;

  std::string alert_id;  ///< UUID
  std::string kind;      ///< see alert_kind
  AlertSeverity severity = AlertSeverity::warning;
  std::string service;  ///< the service that raised it
  std::optional<std::string> order_number;
  std::string message;  ///< one sentence for a person
  RawJson detail;       ///< JSON object with the facts behind it

  bool operator==(const AlertRaised&) const = default;
};

extern template std::string encode_payload<AlertRaised>(const AlertRaised&);
extern template std::expected<AlertRaised, MessageError> decode_payload<AlertRaised>(std::string_view);

}  // namespace ml::messages
