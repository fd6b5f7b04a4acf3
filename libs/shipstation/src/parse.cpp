#include "ml/shipstation/parse.hpp"

#include "json_cursor.hpp"
#include "ml/core/json_nesting.hpp"

namespace ml::shipstation {
namespace {

using json::Cursor;

std::optional<Address> read_address(const Cursor& c) {
  if (!c.present()) return std::nullopt;
  return Address{c["name"].text(),       c["company"].text(), c["street1"].text(), c["street2"].text(),
                 c["street3"].text(),    c["city"].text(),    c["state"].text(),   c["postalCode"].text(),
                 c["country"].text(),    c["phone"].text(),   c["residential"].flag(),
                 c["addressVerified"].text()};
}

std::optional<Weight> read_weight(const Cursor& c) {
  if (!c.present()) return std::nullopt;
  return Weight{c["value"].decimal(), c["units"].text()};
}

OrderItem read_item(const Cursor& c) {
  OrderItem item;
  item.order_item_id = c["orderItemId"].integer();
  item.line_item_key = c["lineItemKey"].text();
  item.sku = c["sku"].text();
  item.name = c["name"].text();
  item.image_url = c["imageUrl"].text();
  item.warehouse_location = c["warehouseLocation"].text();
  item.fulfillment_sku = c["fulfillmentSku"].text();
  item.upc = c["upc"].text();
  item.weight = read_weight(c["weight"]);
  item.quantity = c["quantity"].decimal();
  item.unit_price = c["unitPrice"].decimal();
  item.tax_amount = c["taxAmount"].decimal();
  item.shipping_amount = c["shippingAmount"].decimal();
  for (const Cursor& option : c["options"].elements()) {
    if (option.present()) item.options.push_back({option["name"].text(), option["value"].text()});
  }
  item.product_id = c["productId"].integer();
  item.adjustment = c["adjustment"].flag().value_or(false);
  item.create_date = c["createDate"].time();
  item.modify_date = c["modifyDate"].time();
  return item;
}

std::vector<OrderItem> read_items(const Cursor& c) {
  std::vector<OrderItem> items;
  for (const Cursor& element : c.elements()) {
    if (element.present()) items.push_back(read_item(element));
  }
  return items;
}

std::optional<AdvancedOptions> read_advanced(const Cursor& c) {
  if (!c.present()) return std::nullopt;
  return AdvancedOptions{c["storeId"].integer(),       c["warehouseId"].integer(),  c["parentId"].integer(),
                         c["mergedOrSplit"].flag(),    c["mergedIds"].integers(),   c["source"].text(),
                         c["customField1"].text(),     c["customField2"].text(),    c["customField3"].text()};
}

Order read_order(const Cursor& c) {
  if (!c.present() || !c.value().IsObject()) c.fail("expected an order object");
  Order o;
  o.order_id = c["orderId"].required_integer();
  o.order_number = c["orderNumber"].text();
  o.order_key = c["orderKey"].text();
  o.order_status = c["orderStatus"].text();
  o.order_date = c["orderDate"].time();
  o.create_date = c["createDate"].time();
  o.modify_date = c["modifyDate"].time();
  o.payment_date = c["paymentDate"].time();
  o.ship_by_date = c["shipByDate"].time();
  o.customer_id = c["customerId"].integer();
  o.customer_username = c["customerUsername"].text();
  o.customer_email = c["customerEmail"].text();
  o.bill_to = read_address(c["billTo"]);
  o.ship_to = read_address(c["shipTo"]);
  o.items = read_items(c["items"]);
  o.order_total = c["orderTotal"].decimal();
  o.amount_paid = c["amountPaid"].decimal();
  o.tax_amount = c["taxAmount"].decimal();
  o.shipping_amount = c["shippingAmount"].decimal();
  o.customer_notes = c["customerNotes"].text();
  o.internal_notes = c["internalNotes"].text();
  o.gift = c["gift"].flag();
  o.gift_message = c["giftMessage"].text();
  o.payment_method = c["paymentMethod"].text();
  o.requested_shipping_service = c["requestedShippingService"].text();
  o.carrier_code = c["carrierCode"].text();
  o.service_code = c["serviceCode"].text();
  o.package_code = c["packageCode"].text();
  o.confirmation = c["confirmation"].text();
  o.ship_date = c["shipDate"].date();
  o.hold_until_date = c["holdUntilDate"].date();
  o.weight = read_weight(c["weight"]);
  o.advanced_options = read_advanced(c["advancedOptions"]);
  o.tag_ids = c["tagIds"].integers();
  o.user_id = c["userId"].text();
  o.externally_fulfilled = c["externallyFulfilled"].flag();
  o.externally_fulfilled_by = c["externallyFulfilledBy"].text();
  return o;
}

Shipment read_shipment(const Cursor& c) {
  if (!c.value().IsObject()) c.fail("expected a shipment object");
  Shipment s;
  s.shipment_id = c["shipmentId"].required_integer();
  s.order_id = c["orderId"].integer();
  s.order_key = c["orderKey"].text();
  s.order_number = c["orderNumber"].text();
  s.user_id = c["userId"].text();
  s.customer_email = c["customerEmail"].text();
  s.create_date = c["createDate"].time();
  s.void_date = c["voidDate"].time();
  s.ship_date = c["shipDate"].date();
  s.shipment_cost = c["shipmentCost"].decimal();
  s.insurance_cost = c["insuranceCost"].decimal();
  s.tracking_number = c["trackingNumber"].text();
  s.batch_number = c["batchNumber"].text();
  s.carrier_code = c["carrierCode"].text();
  s.service_code = c["serviceCode"].text();
  s.package_code = c["packageCode"].text();
  s.confirmation = c["confirmation"].text();
  s.is_return_label = c["isReturnLabel"].flag();
  s.marketplace_notified = c["marketplaceNotified"].flag();
  s.voided = c["voided"].flag().value_or(false);
  s.warehouse_id = c["warehouseId"].integer();
  s.store_id = c["advancedOptions"]["storeId"].integer();
  s.notify_error_message = c["notifyErrorMessage"].text();
  s.ship_to = read_address(c["shipTo"]);
  s.weight = read_weight(c["weight"]);
  if (c["shipmentItems"].present()) s.shipment_items = read_items(c["shipmentItems"]);
  return s;
}

Fulfillment read_fulfillment(const Cursor& c) {
  if (!c.value().IsObject()) c.fail("expected a fulfillment object");
  Fulfillment f;
  f.fulfillment_id = c["fulfillmentId"].required_integer();
  f.order_id = c["orderId"].integer();
  f.order_number = c["orderNumber"].text();
  f.user_id = c["userId"].text();
  f.customer_email = c["customerEmail"].text();
  f.tracking_number = c["trackingNumber"].text();
  f.carrier_code = c["carrierCode"].text();
  f.fulfillment_provider_code = c["fulfillmentProviderCode"].text();
  f.fulfillment_service_code = c["fulfillmentServiceCode"].text();
  f.notify_error_message = c["notifyErrorMessage"].text();
  f.create_date = c["createDate"].time();
  f.void_date = c["voidDate"].time();
  f.delivery_date = c["deliveryDate"].time();
  f.ship_date = c["shipDate"].date();
  f.fulfillment_fee = c["fulfillmentFee"].decimal();
  f.void_requested = c["voidRequested"].flag();
  f.marketplace_notified = c["marketplaceNotified"].flag();
  f.voided = c["voided"].flag().value_or(false);
  f.ship_to = read_address(c["shipTo"]);
  return f;
}

Store read_store(const Cursor& c) {
  if (!c.value().IsObject()) c.fail("expected a store object");
  Store s;
  s.store_id = c["storeId"].required_integer();
  s.store_name = c["storeName"].text();
  s.marketplace_name = c["marketplaceName"].text();
  s.account_name = c["accountName"].text();
  s.company_name = c["companyName"].text();
  s.marketplace_id = c["marketplaceId"].integer();
  s.active = c["active"].flag();
  s.create_date = c["createDate"].time();
  s.modify_date = c["modifyDate"].time();
  return s;
}

Webhook read_webhook(const Cursor& c) {
  if (!c.value().IsObject()) c.fail("expected a webhook object");
  return Webhook{c["WebHookID"].required_integer(), c["StoreID"].integer(), c["HookType"].text(),
                 c["Url"].text(), c["Name"].text(), c["Active"].flag()};
}

/// Records of a list; null entries (seen in /shipments) are skipped.
template <class Record, class Read>
std::vector<Record> read_records(const std::vector<Cursor>& elements, Read read) {
  std::vector<Record> out;
  out.reserve(elements.size());
  for (const Cursor& element : elements) {
    if (element.present()) out.push_back(read(element));
  }
  return out;
}

template <class Record, class Read>
Page<Record> read_page(const Cursor& root, const char* list, Read read) {
  if (!root.value().IsObject()) root.fail("expected the list envelope object");
  Page<Record> page;
  page.records = read_records<Record>(root[list].required_array(), read);
  page.total = root["total"].integer().value_or(static_cast<std::int64_t>(page.records.size()));
  page.page = root["page"].integer().value_or(1);
  page.pages = root["pages"].integer().value_or(page.page);
  return page;
}

template <class Function>
auto guarded(std::string_view json, Function read) -> Parsed<decltype(read(std::declval<const Cursor&>()))> {
  try {
    rapidjson::Document doc;
    const Cursor root = json::open(doc, json);
    return read(root);
  } catch (const json::JsonFailure& failure) {
    return std::unexpected(failure.error);
  }
}

}  // namespace

std::string ParseError::describe() const {
  return "at " + (pointer.empty() ? std::string("the document root") : pointer) + ": " + message;
}

Parsed<Order> parse_order(std::string_view json) { return guarded(json, read_order); }

Parsed<Page<Order>> parse_orders_page(std::string_view json) {
  return guarded(json, [](const Cursor& root) { return read_page<Order>(root, "orders", read_order); });
}

Parsed<Shipment> parse_shipment(std::string_view json) { return guarded(json, read_shipment); }

Parsed<Page<Shipment>> parse_shipments_page(std::string_view json) {
  return guarded(json, [](const Cursor& root) { return read_page<Shipment>(root, "shipments", read_shipment); });
}

Parsed<Page<Fulfillment>> parse_fulfillments_page(std::string_view json) {
  return guarded(json,
                 [](const Cursor& root) { return read_page<Fulfillment>(root, "fulfillments", read_fulfillment); });
}

Parsed<std::vector<Store>> parse_stores(std::string_view json) {
  return guarded(json, [](const Cursor& root) { return read_records<Store>(root.required_array(), read_store); });
}

Parsed<std::vector<Webhook>> parse_webhooks(std::string_view json) {
  return guarded(json, [](const Cursor& root) {
    return read_records<Webhook>(root["webhooks"].required_array(), read_webhook);
  });
}

Parsed<WebhookPayload> parse_webhook_payload(std::string_view json) {
  return guarded(json, [](const Cursor& root) {
    const Cursor url = root["resource_url"];
    auto text = url.text();
    if (!text || text->empty()) url.fail("required resource_url is missing or not a text");
    return WebhookPayload{std::move(*text), root["resource_type"].text()};
  });
}

std::optional<std::string> error_body_message(std::string_view body) {
  if (core::json_nests_deeper_than(body)) return std::nullopt;
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  const Cursor root(&doc, "");
  std::string out;
  for (const char* key : {"message", "Message", "ExceptionMessage"}) {
    if (const auto text = root[key].text(); text && !text->empty()) out += (out.empty() ? "" : ": ") + *text;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace ml::shipstation
