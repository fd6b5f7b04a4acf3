#pragma once
/// The simulator's records: what ShipStation V1 stores for stores, orders, label shipments and
/// marked-as-shipped fulfillments. Times are UTC instants (rendered in Pacific time); money is exact.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/core/decimal.hpp"

namespace ml::shipstation_sim {

using ml::core::Decimal;
using ml::core::TimePoint;

/// Order statuses exactly as the API spells them.
inline constexpr const char* kAwaitingPayment = "awaiting_payment";
inline constexpr const char* kAwaitingShipment = "awaiting_shipment";
inline constexpr const char* kShipped = "shipped";
inline constexpr const char* kOnHold = "on_hold";
inline constexpr const char* kCancelled = "cancelled";

struct Store {
  std::int64_t store_id = 0;
  std::string store_name;
  std::int64_t marketplace_id = 0;
  std::string marketplace_name;
  std::string account_name;
  std::string email;
  std::string company_name;
  TimePoint create_date;
};

/// billTo / shipTo. Empty optionals render as null.
struct Address {
  std::optional<std::string> name, company, street1, street2, street3, city, state, postal_code,
      country, phone;
  std::optional<bool> residential;
  std::optional<std::string> address_verified;
};

struct OrderItem {
  std::int64_t order_item_id = 0;
  std::optional<std::string> line_item_key;
  std::string sku;
  std::string name;
  Decimal weight_ounces;
  int quantity = 1;
  Decimal unit_price;
  std::optional<std::string> warehouse_location;
  std::optional<std::int64_t> product_id;
  bool adjustment = false;  ///< A non-physical line such as a discount (negative unit price).
  TimePoint create_date;
  TimePoint modify_date;
};

struct Order {
  std::int64_t order_id = 0;
  std::string order_number;
  std::string order_key;
  TimePoint order_date;
  TimePoint create_date;
  TimePoint modify_date;
  std::optional<TimePoint> payment_date;
  std::optional<TimePoint> ship_by_date;
  std::string order_status = kAwaitingShipment;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_username;
  std::optional<std::string> customer_email;
  Address bill_to;
  Address ship_to;
  std::vector<OrderItem> items;
  Decimal amount_paid;
  Decimal tax_amount;
  Decimal shipping_amount;
  std::optional<std::string> customer_notes;
  std::optional<std::string> internal_notes;
  std::optional<std::string> payment_method;
  std::optional<std::string> requested_shipping_service;
  std::optional<std::string> carrier_code;
  std::optional<std::string> service_code;
  std::optional<std::string> ship_date;  ///< "yyyy-MM-dd" (Pacific) once shipped.
  std::int64_t store_id = 0;
  std::int64_t warehouse_id = 0;
  bool merged_or_split = false;
  std::optional<std::int64_t> parent_id;  ///< Set on split children: the order they were split from.
  std::optional<std::string> source;
  std::string import_batch;               ///< The import that created it (ORDER_NOTIFY resource).
  std::optional<std::string> user_id;

  /// Σ quantity × unitPrice (adjustment lines included) + taxAmount + shippingAmount.
  Decimal order_total() const;
  /// Total ounces of the physical lines.
  Decimal weight_ounces() const;
};

struct Shipment {
  std::int64_t shipment_id = 0;
  std::int64_t order_id = 0;
  std::string order_key;
  std::string order_number;
  std::string user_id;
  std::optional<std::string> customer_email;
  TimePoint create_date;
  std::string ship_date;  ///< "yyyy-MM-dd".
  Decimal shipment_cost;
  Decimal insurance_cost;
  std::string tracking_number;
  std::int64_t batch_id = 0;                ///< Label batch (SHIP_NOTIFY resource); not rendered.
  std::optional<std::string> batch_number;  ///< Only for labels created in a multi-order batch.
  std::string carrier_code;
  std::string service_code;
  std::int64_t warehouse_id = 0;
  std::int64_t store_id = 0;
  bool voided = false;
  std::optional<TimePoint> void_date;
  Address ship_to;
  Decimal weight_ounces;
  std::vector<OrderItem> items;
};

/// An order marked as shipped outside ShipStation's label flow; never listed in /shipments.
struct Fulfillment {
  std::int64_t fulfillment_id = 0;
  std::int64_t order_id = 0;
  std::string order_number;
  std::string user_id;
  std::optional<std::string> customer_email;
  std::string tracking_number;
  TimePoint create_date;
  TimePoint ship_date;
  std::optional<std::string> carrier_code;
  std::int64_t store_id = 0;
  Address ship_to;
};

/// A V1 webhook subscription.
struct Webhook {
  std::int64_t webhook_id = 0;
  std::string event;  ///< ORDER_NOTIFY, ITEM_ORDER_NOTIFY, SHIP_NOTIFY, ITEM_SHIP_NOTIFY, ...
  std::string target_url;
  std::optional<std::int64_t> store_id;
  std::string friendly_name;
};

}  // namespace ml::shipstation_sim
