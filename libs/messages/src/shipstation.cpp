#include "ml/messages/shipstation.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<Address> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("name", m.name);
    v("company", m.company);
    v("street1", m.street1);
    v("street2", m.street2);
    v("street3", m.street3);
    v("city", m.city);
    v("state", m.state);
    v("postal_code", m.postal_code);
    v("country", m.country);
    v("phone", m.phone);
  }
};

template <>
struct Fields<OrderItem> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("order_item_id", m.order_item_id);
    v("line_item_key", m.line_item_key);
    v("sku", m.sku);
    v("name", m.name);
    v("quantity", m.quantity);
    v("unit_price", m.unit_price);
    v("adjustment", m.adjustment);
  }
};

template <>
struct Fields<SsOrderChanged> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("order_id", m.order_id);
    v("order_number", m.order_number);
    v("order_key", m.order_key);
    v("store_id", m.store_id);
    v("order_status", m.order_status);
    v("order_date", m.order_date);
    v("modify_date", m.modify_date);
    v("modify_date_raw", m.modify_date_raw);
    v("ship_date", m.ship_date);
    v("customer_email", m.customer_email);
    v("customer_username", m.customer_username);
    v("bill_to", m.bill_to);
    v("ship_to", m.ship_to);
    v("items", m.items);
    v("shipping_amount", m.shipping_amount);
    v("tax_amount", m.tax_amount);
    v("order_total", m.order_total);
    v("amount_paid", m.amount_paid);
    v("parent_id", m.parent_id);
    v("merged_or_split", m.merged_or_split);
    v("merged_ids", m.merged_ids);
    v("batch_id", m.batch_id);
  }
};

template <>
struct Fields<ShipmentItem> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("order_item_id", m.order_item_id);
    v("line_item_key", m.line_item_key);
    v("sku", m.sku);
    v("name", m.name);
    v("quantity", m.quantity);
    v("unit_price", m.unit_price);
  }
};

template <>
struct Fields<SsShipmentChanged> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("shipment_id", m.shipment_id);
    v("source", m.source);
    v("order_id", m.order_id);
    v("order_number", m.order_number);
    v("order_key", m.order_key);
    v("store_id", m.store_id);
    v("create_date", m.create_date);
    v("create_date_raw", m.create_date_raw);
    v("ship_date", m.ship_date);
    v("voided", m.voided);
    v("void_date", m.void_date);
    v("void_date_raw", m.void_date_raw);
    v("tracking_number", m.tracking_number);
    v("carrier_code", m.carrier_code);
    v("service_code", m.service_code);
    v("shipment_cost", m.shipment_cost);
    v("shipment_items", m.shipment_items);
    v("batch_id", m.batch_id);
  }
};

template <>
struct Fields<SsBatchReceived> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("batch_id", m.batch_id);
    v("source", m.source);
    v("resource_type", m.resource_type);
    v("resource_url", m.resource_url);
    v("window_start", m.window_start);
    v("window_end", m.window_end);
    v("order_ids", m.order_ids);
    v("shipment_ids", m.shipment_ids);
    v("orders_fetched", m.orders_fetched);
    v("shipments_fetched", m.shipments_fetched);
  }
};

}  // namespace detail

template std::string encode_payload<SsOrderChanged>(const SsOrderChanged&);
template std::string encode_payload<SsShipmentChanged>(const SsShipmentChanged&);
template std::string encode_payload<SsBatchReceived>(const SsBatchReceived&);
template std::expected<SsOrderChanged, MessageError> decode_payload<SsOrderChanged>(std::string_view);
template std::expected<SsShipmentChanged, MessageError> decode_payload<SsShipmentChanged>(std::string_view);
template std::expected<SsBatchReceived, MessageError> decode_payload<SsBatchReceived>(std::string_view);

}  // namespace ml::messages
