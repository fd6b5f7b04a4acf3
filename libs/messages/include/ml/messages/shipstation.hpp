#pragma once
/// Messages shipstation-ingest publishes: normalized orders, shipments and receipt batches.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/messages/time.hpp"

namespace ml::messages {

enum class OrderStatus {
  awaiting_payment,
  awaiting_shipment,
  pending_fulfillment,
  shipped,
  on_hold,
  cancelled,
  rejected_fulfillment,
};
template <>
struct EnumNames<OrderStatus> {
  static constexpr std::array<std::string_view, 7> names{"awaiting_payment", "awaiting_shipment",
                                                         "pending_fulfillment", "shipped", "on_hold",
                                                         "cancelled", "rejected_fulfillment"};
};

/// A ShipStation billTo/shipTo address; every part may be missing.
struct Address {
  std::optional<std::string> name, company, street1, street2, street3, city, state, postal_code, country, phone;
  bool operator==(const Address&) const = default;
};

/// One line of a ShipStation order.
struct OrderItem {
  std::optional<std::int64_t> order_item_id;
  std::optional<std::string> line_item_key;  ///< the line's id in the selling channel
  std::optional<std::string> sku;
  std::string name;
  core::Decimal quantity;
  core::Decimal unit_price;  ///< as given, may carry more than two decimals; negative on discounts
  bool adjustment = false;   ///< true for non-physical lines such as discounts
  bool operator==(const OrderItem&) const = default;
};

/// A ShipStation order was seen new or modified (by webhook or poll).
struct SsOrderChanged {
  static constexpr std::string_view type_name = "ss.order.changed";
  static constexpr int version = 1;

  std::int64_t order_id = 0;
  std::string order_number;
  std::optional<std::string> order_key;
  std::optional<std::int64_t> store_id;
  OrderStatus order_status = OrderStatus::awaiting_shipment;
  std::optional<UtcTime> order_date;
  UtcTime modify_date{};
  std::string modify_date_raw;  ///< ShipStation's Pacific wall-clock text, e.g. "2015-08-17T09:24:16.4800000"
  std::optional<Date> ship_date;
  std::optional<std::string> customer_email;
  std::optional<std::string> customer_username;
  std::optional<Address> bill_to;
  std::optional<Address> ship_to;
  std::vector<OrderItem> items;
  core::Decimal shipping_amount;
  core::Decimal tax_amount;
  std::optional<core::Decimal> order_total;  ///< informational only, never used for amounts
  std::optional<core::Decimal> amount_paid;  ///< informational only
  std::optional<std::int64_t> parent_id;     ///< advancedOptions.parentId of a split child
  bool merged_or_split = false;
  std::vector<std::int64_t> merged_ids;
  std::string batch_id;

  bool operator==(const SsOrderChanged&) const = default;
};

enum class ShipmentSource { label, fulfillment };
template <>
struct EnumNames<ShipmentSource> {
  static constexpr std::array<std::string_view, 2> names{"label", "fulfillment"};
};

/// One line of a shipment.
struct ShipmentItem {
  std::optional<std::int64_t> order_item_id;
  std::optional<std::string> line_item_key;
  std::optional<std::string> sku;
  std::string name;
  core::Decimal quantity;
  std::optional<core::Decimal> unit_price;
  bool operator==(const ShipmentItem&) const = default;
};

/// A ShipStation label was created or voided, or an order was marked as shipped (a fulfillment).
struct SsShipmentChanged {
  static constexpr std::string_view type_name = "ss.shipment.changed";
  static constexpr int version = 1;

  std::int64_t shipment_id = 0;  ///< shipmentId, or fulfillmentId when source is fulfillment
  ShipmentSource source = ShipmentSource::label;
  std::int64_t order_id = 0;
  std::string order_number;
  std::optional<std::string> order_key;
  std::optional<std::int64_t> store_id;
  UtcTime create_date{};
  std::string create_date_raw;
  Date ship_date{};
  bool voided = false;
  std::optional<UtcTime> void_date;
  std::optional<std::string> void_date_raw;
  std::optional<std::string> tracking_number;
  std::optional<std::string> carrier_code;
  std::optional<std::string> service_code;
  std::optional<core::Decimal> shipment_cost;  ///< what the label cost the merchant, not what the customer paid
  std::optional<std::vector<ShipmentItem>> shipment_items;  ///< empty when ShipStation did not send items
  std::string batch_id;

  bool operator==(const SsShipmentChanged&) const = default;
};

enum class BatchSource { webhook, poll };
template <>
struct EnumNames<BatchSource> {
  static constexpr std::array<std::string_view, 2> names{"webhook", "poll"};
};

/// Everything one webhook resource or one poll window brought in has been published.
struct SsBatchReceived {
  static constexpr std::string_view type_name = "ss.batch.received";
  static constexpr int version = 1;

  std::string batch_id;
  BatchSource source = BatchSource::poll;
  std::optional<std::string> resource_type;  ///< webhook only: ORDER_NOTIFY, SHIP_NOTIFY, ...
  std::optional<std::string> resource_url;   ///< webhook only
  std::optional<UtcTime> window_start;       ///< poll only
  std::optional<UtcTime> window_end;         ///< poll only
  std::vector<std::int64_t> order_ids;       ///< orders published for this batch
  std::vector<std::int64_t> shipment_ids;    ///< shipments published for this batch
  std::int64_t orders_fetched = 0;           ///< orders read from ShipStation, published or not
  std::int64_t shipments_fetched = 0;

  bool operator==(const SsBatchReceived&) const = default;
};

extern template std::string encode_payload<SsOrderChanged>(const SsOrderChanged&);
extern template std::string encode_payload<SsShipmentChanged>(const SsShipmentChanged&);
extern template std::string encode_payload<SsBatchReceived>(const SsBatchReceived&);
extern template std::expected<SsOrderChanged, MessageError> decode_payload<SsOrderChanged>(std::string_view);
extern template std::expected<SsShipmentChanged, MessageError> decode_payload<SsShipmentChanged>(std::string_view);
extern template std::expected<SsBatchReceived, MessageError> decode_payload<SsBatchReceived>(std::string_view);

}  // namespace ml::messages
