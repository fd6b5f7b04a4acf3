#pragma once
/// ShipStation V1 resources as the client hands them out. Every field the API may omit or send
/// as null is optional; money is exact Decimal; times keep their raw Pacific text beside UTC.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/shipstation/pacific_time.hpp"

namespace ml::shipstation {

using ml::core::Decimal;
using OptText = std::optional<std::string>;

struct Address {
  OptText name, company, street1, street2, street3, city, state, postal_code, country, phone;
  std::optional<bool> residential;
  OptText address_verified;  ///< "Address validated successfully", ...
};

struct Weight {
  std::optional<Decimal> value;
  OptText units;  ///< "pounds" | "ounces" | "grams"
};

struct ItemOption {
  OptText name, value;
};

/// An order line or a shipment line. `adjustment` lines are non-physical (discounts, coupons)
/// and usually carry a negative unit price.
struct OrderItem {
  std::optional<std::int64_t> order_item_id;
  OptText line_item_key, sku, name, image_url, warehouse_location, fulfillment_sku, upc;
  std::optional<Weight> weight;
  std::optional<Decimal> quantity, unit_price, tax_amount, shipping_amount;
  std::vector<ItemOption> options;
  std::optional<std::int64_t> product_id;
  bool adjustment = false;
  std::optional<PacificTime> create_date, modify_date;
};

/// The `advancedOptions` fields that matter for identity and store mapping.
struct AdvancedOptions {
  std::optional<std::int64_t> store_id, warehouse_id, parent_id;
  std::optional<bool> merged_or_split;
  std::vector<std::int64_t> merged_ids;
  OptText source, custom_field1, custom_field2, custom_field3;
};

struct Order {
  std::int64_t order_id = 0;  ///< the identity; orderNumber is not unique
  OptText order_number, order_key, order_status;
  std::optional<PacificTime> order_date, create_date, modify_date, payment_date, ship_by_date;
  std::optional<std::int64_t> customer_id;
  OptText customer_username, customer_email;
  std::optional<Address> bill_to, ship_to;
  std::vector<OrderItem> items;  ///< may be empty
  std::optional<Decimal> order_total, amount_paid, tax_amount, shipping_amount;
  OptText customer_notes, internal_notes, gift_message, payment_method, requested_shipping_service;
  std::optional<bool> gift;
  OptText carrier_code, service_code, package_code, confirmation;
  std::optional<LocalDate> ship_date, hold_until_date;
  std::optional<Weight> weight;
  std::optional<AdvancedOptions> advanced_options;
  std::vector<std::int64_t> tag_ids;
  OptText user_id;
  std::optional<bool> externally_fulfilled;
  OptText externally_fulfilled_by;
};

/// A label. Voided labels stay listed with `voided` and `void_date`.
struct Shipment {
  std::int64_t shipment_id = 0;
  std::optional<std::int64_t> order_id;
  OptText order_key, order_number, user_id, customer_email;
  std::optional<PacificTime> create_date, void_date;
  std::optional<LocalDate> ship_date;
  std::optional<Decimal> shipment_cost, insurance_cost;
  OptText tracking_number, batch_number, carrier_code, service_code, package_code, confirmation;
  std::optional<bool> is_return_label, marketplace_notified;
  bool voided = false;
  std::optional<std::int64_t> warehouse_id, store_id;  ///< store_id from advancedOptions
  OptText notify_error_message;
  std::optional<Address> ship_to;
  std::optional<Weight> weight;
  std::optional<std::vector<OrderItem>> shipment_items;  ///< absent unless includeShipmentItems=true
};

/// An order marked as shipped outside ShipStation labels (never listed in /shipments).
struct Fulfillment {
  std::int64_t fulfillment_id = 0;
  std::optional<std::int64_t> order_id;
  OptText order_number, user_id, customer_email, tracking_number, carrier_code;
  OptText fulfillment_provider_code, fulfillment_service_code, notify_error_message;
  std::optional<PacificTime> create_date, void_date, delivery_date;
  std::optional<LocalDate> ship_date;
  std::optional<Decimal> fulfillment_fee;
  std::optional<bool> void_requested, marketplace_notified;
  bool voided = false;
  std::optional<Address> ship_to;
};

struct Store {
  std::int64_t store_id = 0;
  OptText store_name, marketplace_name, account_name, company_name;
  std::optional<std::int64_t> marketplace_id;
  std::optional<bool> active;
  std::optional<PacificTime> create_date, modify_date;
};

/// One entry of `GET /webhooks`.
struct Webhook {
  std::int64_t webhook_id = 0;
  std::optional<std::int64_t> store_id;
  OptText hook_type, url, name;
  std::optional<bool> active;
};

/// The body ShipStation POSTs to a webhook target: a URL to fetch back, nothing more.
struct WebhookPayload {
  std::string resource_url;
  OptText resource_type;  ///< "ORDER_NOTIFY", "SHIP_NOTIFY", ...
};

/// One page of a list endpoint.
template <class Record>
struct Page {
  std::vector<Record> records;
  std::int64_t total = 0;
  std::int64_t page = 0;
  std::int64_t pages = 0;
};

}  // namespace ml::shipstation
