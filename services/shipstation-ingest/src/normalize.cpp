#include "ml/shipstation_ingest/normalize.hpp"

namespace ml::shipstation_ingest {
namespace {

namespace ss = shipstation;
namespace msg = messages;
using Unexpected = std::unexpected<std::string>;

msg::UtcTime utc(const ss::PacificTime& time) {
  return std::chrono::time_point_cast<std::chrono::nanoseconds>(time.utc);
}

std::optional<msg::UtcTime> utc(const std::optional<ss::PacificTime>& time) {
  if (!time) return std::nullopt;
  return utc(*time);
}

std::optional<msg::Address> address(const std::optional<ss::Address>& a) {
  if (!a) return std::nullopt;
  return msg::Address{a->name, a->company, a->street1,     a->street2, a->street3,
                      a->city, a->state,   a->postal_code, a->country, a->phone};
}

std::expected<std::string, std::string> order_number(const ss::OptText& number, const std::string& what) {
  if (!number || number->empty()) return Unexpected(what + ": orderNumber is missing");
  if (number->size() > 50) return Unexpected(what + ": orderNumber is longer than 50 characters");
  return *number;
}

std::expected<msg::OrderItem, std::string> order_item(const ss::OrderItem& item, const std::string& where) {
  if (!item.quantity) return Unexpected(where + ": quantity is missing");
  return msg::OrderItem{item.order_item_id, item.line_item_key,
                        item.sku,           item.name.value_or(item.sku.value_or("")),
                        *item.quantity,     item.unit_price.value_or(core::Decimal()),
                        item.adjustment};
}

std::expected<std::vector<msg::ShipmentItem>, std::string> shipment_items(const std::vector<ss::OrderItem>& items,
                                                                          const std::string& where) {
  std::vector<msg::ShipmentItem> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!item.quantity) return Unexpected(where + " item " + std::to_string(i) + ": quantity is missing");
    out.push_back({item.order_item_id, item.line_item_key, item.sku, item.name.value_or(item.sku.value_or("")),
                   *item.quantity, item.unit_price});
  }
  return out;
}

// The fields labels and fulfillments share (same names in both records).
template <class Record>
std::expected<msg::SsShipmentChanged, std::string> shipped(const Record& r, const std::string& what,
                                                           std::string_view batch_id) {
  auto number = order_number(r.order_number, what);
  if (!number) return Unexpected(number.error());
  if (!r.order_id) return Unexpected(what + ": orderId is missing");
  if (!r.create_date) return Unexpected(what + ": createDate is missing");
  if (!r.ship_date) return Unexpected(what + ": shipDate is missing");
  msg::SsShipmentChanged m;
  m.order_number = std::move(*number);
  m.order_id = *r.order_id;
  m.create_date = utc(*r.create_date);
  m.create_date_raw = r.create_date->raw;
  m.ship_date = r.ship_date->day;
  m.voided = r.voided;
  m.void_date = utc(r.void_date);
  if (r.void_date) m.void_date_raw = r.void_date->raw;
  m.tracking_number = r.tracking_number;
  m.carrier_code = r.carrier_code;
  m.batch_id = std::string(batch_id);
  return m;
}

}  // namespace

std::expected<msg::SsOrderChanged, std::string> order_message(const ss::Order& order, std::string_view batch_id) {
  const std::string what = "order " + std::to_string(order.order_id);
  msg::SsOrderChanged m;
  m.order_id = order.order_id;
  auto number = order_number(order.order_number, what);
  if (!number) return Unexpected(number.error());
  m.order_number = std::move(*number);
  if (!order.modify_date) return Unexpected(what + ": modifyDate is missing");
  const auto status = msg::enum_from_string<msg::OrderStatus>(order.order_status.value_or(""));
  if (!status) return Unexpected(what + ": unknown orderStatus \"" + order.order_status.value_or("") + "\"");
  m.order_status = *status;
  m.order_key = order.order_key;
  m.order_date = utc(order.order_date);
  m.modify_date = utc(*order.modify_date);
  m.modify_date_raw = order.modify_date->raw;
  if (order.ship_date) m.ship_date = order.ship_date->day;
  m.customer_email = order.customer_email;
  m.customer_username = order.customer_username;
  m.bill_to = address(order.bill_to);
  m.ship_to = address(order.ship_to);
  for (std::size_t i = 0; i < order.items.size(); ++i) {
    auto item = order_item(order.items[i], what + " item " + std::to_string(i));
    if (!item) return Unexpected(item.error());
    m.items.push_back(std::move(*item));
  }
  m.shipping_amount = order.shipping_amount.value_or(core::Decimal());
  m.tax_amount = order.tax_amount.value_or(core::Decimal());
  m.order_total = order.order_total;
  m.amount_paid = order.amount_paid;
  if (const auto& a = order.advanced_options) {
    m.store_id = a->store_id;
    m.parent_id = a->parent_id;
    m.merged_or_split = a->merged_or_split.value_or(false);
    m.merged_ids = a->merged_ids;
  }
  m.batch_id = std::string(batch_id);
  return m;
}

std::expected<msg::SsShipmentChanged, std::string> shipment_message(const ss::Shipment& shipment,
                                                                    std::string_view batch_id) {
  auto m = shipped(shipment, "shipment " + std::to_string(shipment.shipment_id), batch_id);
  if (!m) return m;
  m->shipment_id = shipment.shipment_id;
  m->source = msg::ShipmentSource::label;
  m->order_key = shipment.order_key;
  m->store_id = shipment.store_id;
  m->service_code = shipment.service_code;
  m->shipment_cost = shipment.shipment_cost;
  if (shipment.shipment_items) {
    auto items = shipment_items(*shipment.shipment_items, "shipment " + std::to_string(shipment.shipment_id));
    if (!items) return Unexpected(items.error());
    m->shipment_items = std::move(*items);
  }
  return m;
}

std::expected<msg::SsShipmentChanged, std::string> fulfillment_message(const ss::Fulfillment& fulfillment,
                                                                       std::string_view batch_id) {
  auto m = shipped(fulfillment, "fulfillment " + std::to_string(fulfillment.fulfillment_id), batch_id);
  if (!m) return m;
  m->shipment_id = fulfillment.fulfillment_id;
  m->source = msg::ShipmentSource::fulfillment;
  return m;
}

OrderVersion version_of(const msg::SsOrderChanged& order) {
  return {order.order_id, order.modify_date.time_since_epoch().count()};
}

ShipmentVersion version_of(const msg::SsShipmentChanged& shipment) {
  return {std::string(msg::to_string(shipment.source)), shipment.shipment_id, shipment.voided};
}

}  // namespace ml::shipstation_ingest
