#pragma once
// Orders, shipments and a QuickBooks directory for the reconciler's tests, as shipstation-ingest
// and qbxml-writer would describe them.
#include <map>
#include <string>
#include <utility>

#include "ml/core/decimal.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/reconciler/matching.hpp"
#include "ml/reconciler/quickbooks_names.hpp"

namespace ml::reconciler::testing {

inline core::Decimal dec(const char* text) { return core::Decimal::from_string(text); }

inline messages::UtcTime at(const char* text) { return *messages::parse_utc(text); }

inline messages::OrderItem line(const char* sku, const char* quantity, const char* unit_price, bool adjustment = false) {
  messages::OrderItem item;
  item.sku = sku;
  item.name = std::string("Item ") + sku;
  item.quantity = dec(quantity);
  item.unit_price = dec(unit_price);
  item.adjustment = adjustment;
  return item;
}

/// Order 100234 of ada@example.com, "Ada Lovelace", two widgets at 12.345, awaiting shipment.
inline messages::SsOrderChanged order(std::int64_t order_id = 5001, std::string number = "100234") {
  messages::SsOrderChanged o;
  o.order_id = order_id;
  o.order_number = std::move(number);
  o.order_status = messages::OrderStatus::awaiting_shipment;
  o.modify_date = at("2026-11-26T15:00:00.000Z");
  o.modify_date_raw = "2026-11-26T07:00:00.0000000";
  o.customer_email = "ada@example.com";
  o.bill_to = messages::Address{};
  o.bill_to->name = "Ada Lovelace";
  o.items = {line("WIDGET-1", "2", "12.345")};
  o.shipping_amount = dec("5.00");
  o.tax_amount = dec("1.98");
  o.batch_id = "batch-1";
  return o;
}

inline messages::SsShipmentChanged label(std::int64_t shipment_id, std::int64_t order_id, const char* ship_date,
                                         const char* created, bool voided = false) {
  messages::SsShipmentChanged s;
  s.shipment_id = shipment_id;
  s.order_id = order_id;
  s.order_number = "100234";
  s.create_date = at(created);
  s.create_date_raw = created;
  s.ship_date = *messages::parse_date(ship_date);
  s.voided = voided;
  s.shipment_cost = dec("7.31");
  s.batch_id = "batch-1";
  return s;
}

/// The reconciler's cache in memory: what is found, what QuickBooks said it lacks.
class MemoryDirectory final : public QbDirectory {
 public:
  MemoryDirectory& customer(std::string full_name, std::optional<std::string> email, bool active = true) {
    messages::QbCustomer c{"80000001-" + full_name, full_name, email, active, std::nullopt};
    if (email) customers_[{messages::LookupField::email, email_key(*email)}] = c;
    customers_[{messages::LookupField::full_name, *name_key(full_name)}] = c;
    return *this;
  }
  MemoryDirectory& item(std::string full_name, bool active = true) {
    items_[*name_key(full_name)] = {"80000002-" + full_name, full_name, messages::QbItemType::inventory, active,
                                    std::nullopt, std::nullopt};
    return *this;
  }
  MemoryDirectory& missing_customer(messages::LookupField by, const std::string& value) {
    missing_customers_[{by, by == messages::LookupField::email ? email_key(value) : *name_key(value)}] = true;
    return *this;
  }
  MemoryDirectory& missing_item(const std::string& name) {
    missing_items_[*name_key(name)] = true;
    return *this;
  }

  Known<messages::QbCustomer> customer(messages::LookupField by, const std::string& value) const override {
    const std::pair key{by, by == messages::LookupField::email ? email_key(value) : *name_key(value)};
    if (auto found = customers_.find(key); found != customers_.end()) return {Knowledge::found, found->second};
    return {missing_customers_.contains(key) ? Knowledge::missing : Knowledge::unknown, std::nullopt};
  }
  Known<messages::QbItem> item(const std::string& full_name) const override {
    const auto key = *name_key(full_name);
    if (auto found = items_.find(key); found != items_.end()) return {Knowledge::found, found->second};
    return {missing_items_.contains(key) ? Knowledge::missing : Knowledge::unknown, std::nullopt};
  }

 private:
  std::map<std::pair<messages::LookupField, std::string>, messages::QbCustomer> customers_;
  std::map<std::pair<messages::LookupField, std::string>, bool> missing_customers_;
  std::map<std::string, messages::QbItem> items_;
  std::map<std::string, bool> missing_items_;
};

}  // namespace ml::reconciler::testing
