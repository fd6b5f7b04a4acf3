#pragma once
/// Questions the reconciler asks about QuickBooks customers and items, and their answers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"

namespace ml::messages {

enum class LookupKind { customer, item, item_inventory };
template <>
struct EnumNames<LookupKind> {
  static constexpr std::array<std::string_view, 3> names{"customer", "item", "item_inventory"};
};

enum class LookupField { list_id, full_name, email };
template <>
struct EnumNames<LookupField> {
  static constexpr std::array<std::string_view, 3> names{"list_id", "full_name", "email"};
};

/// One thing to look for: a customer by email, an item by FullName, ...
struct LookupKey {
  LookupField by = LookupField::full_name;
  std::string value;
  bool operator==(const LookupKey&) const = default;
};

struct QbLookupRequested {
  static constexpr std::string_view type_name = "qb.lookup.requested";
  static constexpr int version = 1;

  std::string lookup_id;  ///< UUID, echoed in the answer
  LookupKind kind = LookupKind::customer;
  std::vector<LookupKey> keys;
  std::optional<std::string> order_number;  ///< the order that needs the answer, if one does
  std::optional<std::string> batch_id;      ///< the batch being reconciled, for item_inventory

  bool operator==(const QbLookupRequested&) const = default;
};

struct QbCustomer {
  std::string list_id;
  std::string full_name;
  std::optional<std::string> email;
  bool is_active = true;
  std::optional<std::string> time_modified;  ///< QuickBooks' TimeModified text, verbatim
  bool operator==(const QbCustomer&) const = default;
};

enum class QbItemType {
  inventory,
  inventory_assembly,
  non_inventory,
  service,
  other_charge,
  discount,
  sales_tax,
  sales_tax_group,
  group,
  payment,
  subtotal,
  fixed_asset,
};
template <>
struct EnumNames<QbItemType> {
  static constexpr std::array<std::string_view, 12> names{
      "inventory", "inventory_assembly", "non_inventory", "service", "other_charge", "discount",
      "sales_tax", "sales_tax_group",    "group",         "payment", "subtotal",     "fixed_asset"};
};

struct QbItem {
  std::string list_id;
  std::string full_name;
  QbItemType item_type = QbItemType::inventory;
  bool is_active = true;
  std::optional<core::Decimal> quantity_on_hand;  ///< inventory kinds only; may be negative
  std::optional<std::string> time_modified;
  bool operator==(const QbItem&) const = default;
};

/// A QuickBooks status error that stopped the lookup.
struct QbStatus {
  std::int64_t status_code = 0;
  std::string status_message;
  bool operator==(const QbStatus&) const = default;
};

struct QbLookupCompleted {
  static constexpr std::string_view type_name = "qb.lookup.completed";
  static constexpr int version = 1;

  std::string lookup_id;
  LookupKind kind = LookupKind::customer;
  std::vector<QbCustomer> customers;  ///< found customers (kind customer)
  std::vector<QbItem> items;          ///< found items (kinds item and item_inventory)
  std::vector<LookupKey> missing;     ///< keys QuickBooks has nothing for
  std::optional<QbStatus> error;      ///< set when QuickBooks could not answer

  bool operator==(const QbLookupCompleted&) const = default;
};

extern template std::string encode_payload<QbLookupRequested>(const QbLookupRequested&);
extern template std::string encode_payload<QbLookupCompleted>(const QbLookupCompleted&);
extern template std::expected<QbLookupRequested, MessageError> decode_payload<QbLookupRequested>(std::string_view);
extern template std::expected<QbLookupCompleted, MessageError> decode_payload<QbLookupCompleted>(std::string_view);

}  // namespace ml::messages
