#include "ml/shipstation_sim/json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "ml/shipstation_sim/pacific_time.hpp"

namespace ml::shipstation_sim {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void field(Writer& w, const char* key, std::nullptr_t) { w.Key(key); w.Null(); }
void field(Writer& w, const char* key, bool value) { w.Key(key); w.Bool(value); }
void field(Writer& w, const char* key, std::int64_t value) { w.Key(key); w.Int64(value); }
void field(Writer& w, const char* key, const char* value) { w.Key(key); w.String(value); }
void field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void field(Writer& w, const char* key, const Decimal& value) {
  w.Key(key);
  const auto text = value.to_string();
  w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}
template <class T>
void field(Writer& w, const char* key, const std::optional<T>& value) {
  if (value) return field(w, key, *value);
  field(w, key, nullptr);
}
void timestamp(Writer& w, const char* key, std::optional<TimePoint> t) {
  if (!t) return field(w, key, nullptr);
  field(w, key, pacific_timestamp(*t));
}

void address(Writer& w, const char* key, const Address& a) {
  w.Key(key);
  w.StartObject();
  field(w, "name", a.name);
  field(w, "company", a.company);
  field(w, "street1", a.street1);
  field(w, "street2", a.street2);
  field(w, "street3", a.street3);
  field(w, "city", a.city);
  field(w, "state", a.state);
  field(w, "postalCode", a.postal_code);
  field(w, "country", a.country);
  field(w, "phone", a.phone);
  field(w, "residential", a.residential);
  field(w, "addressVerified", a.address_verified);
  w.EndObject();
}

void weight(Writer& w, const Decimal& ounces, bool with_unit_code) {
  w.Key("weight");
  w.StartObject();
  field(w, "value", ounces);
  field(w, "units", "ounces");
  if (with_unit_code) field(w, "WeightUnits", std::int64_t{1});
  w.EndObject();
}

void no_insurance(Writer& w) {
  w.Key("insuranceOptions");
  w.StartObject();
  field(w, "provider", nullptr);
  field(w, "insureShipment", false);
  field(w, "insuredValue", Decimal{});
  w.EndObject();
}

/// An item as listed in shipmentItems (the official sample's shorter shape).
void shipment_item_fields(Writer& w, const OrderItem& item) {
  field(w, "orderItemId", item.order_item_id);
  field(w, "lineItemKey", item.line_item_key);
  field(w, "sku", item.sku);
  field(w, "name", item.name);
  field(w, "imageUrl", nullptr);
  weight(w, item.weight_ounces, false);
  field(w, "quantity", std::int64_t{item.quantity});
  field(w, "unitPrice", item.unit_price);
}

void order_item(Writer& w, const OrderItem& item) {
  w.StartObject();
  shipment_item_fields(w, item);
  field(w, "taxAmount", nullptr);
  field(w, "shippingAmount", nullptr);
  field(w, "warehouseLocation", item.warehouse_location);
  w.Key("options");
  w.StartArray();
  w.EndArray();
  field(w, "productId", item.product_id);
  field(w, "fulfillmentSku", nullptr);
  field(w, "adjustment", item.adjustment);
  field(w, "upc", nullptr);
  field(w, "createDate", pacific_timestamp_trimmed(item.create_date));
  field(w, "modifyDate", pacific_timestamp_trimmed(item.modify_date));
  w.EndObject();
}

void shipment_item(Writer& w, const OrderItem& item) {
  w.StartObject();
  shipment_item_fields(w, item);
  field(w, "warehouseLocation", item.warehouse_location);
  field(w, "options", nullptr);
  field(w, "productId", item.product_id);
  field(w, "fulfillmentSku", nullptr);
  w.EndObject();
}

void order_advanced_options(Writer& w, const Order& o) {
  w.Key("advancedOptions");
  w.StartObject();
  field(w, "warehouseId", o.warehouse_id);
  field(w, "nonMachinable", false);
  field(w, "saturdayDelivery", false);
  field(w, "containsAlcohol", false);
  field(w, "mergedOrSplit", o.merged_or_split);
  w.Key("mergedIds");
  w.StartArray();
  w.EndArray();
  field(w, "parentId", o.parent_id);
  field(w, "storeId", o.store_id);
  field(w, "customField1", nullptr);
  field(w, "customField2", nullptr);
  field(w, "customField3", nullptr);
  field(w, "source", o.source);
  field(w, "billToParty", nullptr);
  field(w, "billToAccount", nullptr);
  field(w, "billToPostalCode", nullptr);
  field(w, "billToCountryCode", nullptr);
  field(w, "billToMyOtherAccount", nullptr);
  w.EndObject();
}

void write_order(Writer& w, const Order& o) {
  w.StartObject();
  field(w, "orderId", o.order_id);
  field(w, "orderNumber", o.order_number);
  field(w, "orderKey", o.order_key);
  timestamp(w, "orderDate", o.order_date);
  timestamp(w, "createDate", o.create_date);
  timestamp(w, "modifyDate", o.modify_date);
  timestamp(w, "paymentDate", o.payment_date);
  timestamp(w, "shipByDate", o.ship_by_date);
  field(w, "orderStatus", o.order_status);
  field(w, "customerId", o.customer_id);
  field(w, "customerUsername", o.customer_username);
  field(w, "customerEmail", o.customer_email);
  address(w, "billTo", o.bill_to);
  address(w, "shipTo", o.ship_to);
  w.Key("items");
  w.StartArray();
  for (const auto& item : o.items) order_item(w, item);
  w.EndArray();
  field(w, "orderTotal", o.order_total());
  field(w, "amountPaid", o.amount_paid);
  field(w, "taxAmount", o.tax_amount);
  field(w, "shippingAmount", o.shipping_amount);
  field(w, "customerNotes", o.customer_notes);
  field(w, "internalNotes", o.internal_notes);
  field(w, "gift", false);
  field(w, "giftMessage", nullptr);
  field(w, "paymentMethod", o.payment_method);
  field(w, "requestedShippingService", o.requested_shipping_service);
  field(w, "carrierCode", o.carrier_code);
  field(w, "serviceCode", o.service_code);
  field(w, "packageCode", "package");
  field(w, "confirmation", "none");
  field(w, "shipDate", o.ship_date);
  field(w, "holdUntilDate", nullptr);
  weight(w, o.weight_ounces(), true);
  field(w, "dimensions", nullptr);
  no_insurance(w);
  w.Key("internationalOptions");
  w.StartObject();
  field(w, "contents", nullptr);
  field(w, "customsItems", nullptr);
  field(w, "nonDelivery", nullptr);
  w.EndObject();
  order_advanced_options(w, o);
  field(w, "tagIds", nullptr);
  field(w, "userId", o.user_id);
  field(w, "externallyFulfilled", false);
  field(w, "externallyFulfilledBy", nullptr);
  field(w, "externallyFulfilledById", nullptr);
  field(w, "externallyFulfilledByName", nullptr);
  w.EndObject();
}

void write_shipment(Writer& w, const Shipment& s, bool include_items) {
  w.StartObject();
  field(w, "shipmentId", s.shipment_id);
  field(w, "orderId", s.order_id);
  field(w, "orderKey", s.order_key);
  field(w, "userId", s.user_id);
  field(w, "customerEmail", s.customer_email);
  field(w, "orderNumber", s.order_number);
  timestamp(w, "createDate", s.create_date);
  field(w, "shipDate", s.ship_date);
  field(w, "shipmentCost", s.shipment_cost);
  field(w, "insuranceCost", s.insurance_cost);
  field(w, "trackingNumber", s.tracking_number);
  field(w, "isReturnLabel", false);
  field(w, "batchNumber", s.batch_number);
  field(w, "carrierCode", s.carrier_code);
  field(w, "serviceCode", s.service_code);
  field(w, "packageCode", "package");
  field(w, "confirmation", "delivery");
  field(w, "warehouseId", s.warehouse_id);
  field(w, "voided", s.voided);
  timestamp(w, "voidDate", s.void_date);
  field(w, "marketplaceNotified", false);
  field(w, "notifyErrorMessage", nullptr);
  address(w, "shipTo", s.ship_to);
  weight(w, s.weight_ounces, true);
  field(w, "dimensions", nullptr);
  no_insurance(w);
  w.Key("advancedOptions");
  w.StartObject();
  field(w, "billToParty", nullptr);
  field(w, "billToAccount", nullptr);
  field(w, "billToPostalCode", nullptr);
  field(w, "billToCountryCode", nullptr);
  field(w, "storeId", s.store_id);
  w.EndObject();
  w.Key("shipmentItems");
  if (include_items) {
    w.StartArray();
    for (const auto& item : s.items) shipment_item(w, item);
    w.EndArray();
  } else {
    w.Null();
  }
  field(w, "labelData", nullptr);
  field(w, "formData", nullptr);
  w.EndObject();
}

void write_fulfillment(Writer& w, const Fulfillment& f) {
  w.StartObject();
  field(w, "fulfillmentId", f.fulfillment_id);
  field(w, "orderId", f.order_id);
  field(w, "orderNumber", f.order_number);
  field(w, "userId", f.user_id);
  field(w, "customerEmail", f.customer_email);
  field(w, "trackingNumber", f.tracking_number);
  timestamp(w, "createDate", f.create_date);
  timestamp(w, "shipDate", f.ship_date);
  field(w, "voidDate", nullptr);
  field(w, "deliveryDate", nullptr);
  field(w, "carrierCode", f.carrier_code);
  field(w, "fulfillmentProviderCode", nullptr);
  field(w, "fulfillmentServiceCode", nullptr);
  field(w, "fulfillmentFee", Decimal::from_string("0.0"));
  field(w, "voidRequested", false);
  field(w, "voided", false);
  field(w, "marketplaceNotified", false);
  field(w, "notifyErrorMessage", nullptr);
  address(w, "shipTo", f.ship_to);
  w.EndObject();
}

template <class Row, class Write>
std::string page_json(const char* name, const Page<Row>& page, Write write) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  w.Key(name);
  w.StartArray();
  for (const Row* row : page.rows) write(w, *row);
  w.EndArray();
  field(w, "total", page.total);
  field(w, "page", page.page);
  field(w, "pages", page.pages);
  w.EndObject();
  return out.GetString();
}

}  // namespace

std::string order_json(const Order& order) {
  rapidjson::StringBuffer out;
  Writer w(out);
  write_order(w, order);
  return out.GetString();
}

std::string orders_page_json(const Page<Order>& page) { return page_json("orders", page, write_order); }

std::string shipments_page_json(const Page<Shipment>& page, bool include_items) {
  return page_json("shipments", page, [&](Writer& w, const Shipment& s) { write_shipment(w, s, include_items); });
}

std::string fulfillments_page_json(const Page<Fulfillment>& page) {
  return page_json("fulfillments", page, write_fulfillment);
}

std::string stores_json(const std::vector<Store>& stores) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartArray();
  for (const auto& s : stores) {
    const auto created = pacific_timestamp_trimmed(s.create_date);
    w.StartObject();
    field(w, "storeId", s.store_id);
    field(w, "storeName", s.store_name);
    field(w, "marketplaceId", s.marketplace_id);
    field(w, "marketplaceName", s.marketplace_name);
    field(w, "accountName", s.account_name);
    field(w, "email", s.email);
    field(w, "integrationUrl", "");
    field(w, "active", true);
    field(w, "companyName", s.company_name);
    field(w, "phone", "");
    field(w, "publicEmail", "");
    field(w, "website", "");
    field(w, "refreshDate", created);
    field(w, "lastRefreshAttempt", created);
    field(w, "createDate", created);
    field(w, "modifyDate", created);
    field(w, "autoRefresh", true);
    field(w, "statusMappings", "");
    w.EndObject();
  }
  w.EndArray();
  return out.GetString();
}

std::string webhooks_json(const std::map<std::int64_t, Webhook>& webhooks) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  w.Key("webhooks");
  w.StartArray();
  for (const auto& [id, hook] : webhooks) {
    w.StartObject();
    field(w, "IsLabelAPIHook", false);
    field(w, "WebHookID", id);
    field(w, "SellerID", kSellerId);
    field(w, "StoreID", hook.store_id);
    field(w, "HookType", hook.event);
    field(w, "MessageFormat", "Json");
    field(w, "Url", hook.target_url);
    field(w, "Name", hook.friendly_name);
    field(w, "BulkCopyBatchID", nullptr);
    field(w, "BulkCopyRecordID", nullptr);
    field(w, "Active", true);
    w.Key("WebhookLogs");
    w.StartArray();
    w.EndArray();
    field(w, "Seller", nullptr);
    field(w, "Store", nullptr);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out.GetString();
}

std::string message_json(const std::string& text) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  field(w, "message", text);
  w.EndObject();
  return out.GetString();
}

std::string server_error_json(const std::string& exception_message) {
  rapidjson::StringBuffer out;
  Writer w(out);
  w.StartObject();
  field(w, "Message", "An error has occurred.");
  field(w, "ExceptionMessage", exception_message);
  field(w, "ExceptionType", "System.NullReferenceException");
  field(w, "StackTrace", "   at ShipStation.Api.Orders.OrderListBuilder.Build(Order order)");
  w.EndObject();
  return out.GetString();
}

}  // namespace ml::shipstation_sim
