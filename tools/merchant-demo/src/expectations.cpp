#include "ml/merchant_demo/expectations.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "ml/shipstation/client.hpp"

namespace ml::merchant_demo {
namespace {

using core::Decimal;

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string day_text(const shipstation::LocalDate& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.day.year()),
                static_cast<unsigned>(date.day.month()), static_cast<unsigned>(date.day.day()));
  return text;
}

std::string key_of(const shipstation::Order& order) {
  const auto store = order.advanced_options && order.advanced_options->store_id ? *order.advanced_options->store_id : 0;
  return std::to_string(store) + ":" + order.order_number.value_or("");
}

struct Shipping {
  shipstation::TimePoint created{};
  std::string day;
  bool voided = false;
};

void add_lines(ExpectedOrder& expected, const shipstation::Order& order, const KnownEntities& known) {
  for (const auto& item : order.items) {
    if (!item.adjustment && (!item.sku || !known.skus.contains(*item.sku)))
      expected.problems.push_back("unknown item " + item.sku.value_or("(no SKU)"));
    const Decimal quantity = item.quantity.value_or(Decimal::from_units(0, 0));
    expected.amount += (quantity * item.unit_price.value_or(Decimal::from_units(0, 2))).round_half_up(2);
  }
  expected.amount += order.shipping_amount.value_or(Decimal::from_units(0, 2));
  expected.amount += order.tax_amount.value_or(Decimal::from_units(0, 2));
}

bool known_customer(const shipstation::Order& order, const KnownEntities& known) {
  if (order.customer_email && known.emails.contains(lower(*order.customer_email))) return true;
  return order.bill_to && order.bill_to->name && known.customer_names.contains(*order.bill_to->name);
}

}  // namespace

std::expected<ShipStationRecords, std::string> read_shipstation(const std::string& base_url, const std::string& key,
                                                                const std::string& secret) {
  shipstation::ClientOptions options;
  options.base_url = base_url;
  options.api_key = key;
  options.api_secret = secret;
  shipstation::Client client(options);
  const shipstation::Window all{shipstation::TimePoint{}, std::chrono::system_clock::now() + std::chrono::hours(24 * 400)};
  ShipStationRecords records;
  auto orders = client.orders_modified(all, [&](auto&& page) { std::ranges::move(page, std::back_inserter(records.orders)); });
  auto labels = client.shipments_created(all, [&](auto&& page) { std::ranges::move(page, std::back_inserter(records.labels)); });
  auto fulfilled = client.fulfillments_created(
      all, [&](auto&& page) { std::ranges::move(page, std::back_inserter(records.fulfillments)); });
  for (const auto* walk : {&orders, &labels, &fulfilled})
    if (!*walk) return std::unexpected("reading ShipStation: " + walk->error().message);
  return records;
}

std::expected<KnownEntities, std::string> known_entities(std::string_view catalogue_json) {
  rapidjson::Document doc;
  doc.Parse(catalogue_json.data(), catalogue_json.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("customers") || !doc.HasMember("products"))
    return std::unexpected("the catalogue is not shipstation-sim's catalogue JSON");
  KnownEntities known;
  for (const auto& c : doc["customers"].GetArray()) {
    if (c.HasMember("email") && c["email"].IsString()) known.emails.insert(lower(c["email"].GetString()));
    if (c.HasMember("name") && c["name"].IsString()) known.customer_names.insert(c["name"].GetString());
  }
  for (const auto& p : doc["products"].GetArray())
    if (p.HasMember("sku") && p["sku"].IsString()) known.skus.insert(p["sku"].GetString());
  return known;
}

std::vector<ExpectedOrder> expected_orders(const ShipStationRecords& records, const KnownEntities& known) {
  std::map<std::int64_t, std::vector<Shipping>> shipping_by_order;
  for (const auto& label : records.labels)
    if (label.order_id && label.ship_date && label.create_date)
      shipping_by_order[*label.order_id].push_back({label.create_date->utc, day_text(*label.ship_date), label.voided});
  for (const auto& f : records.fulfillments)
    if (f.order_id && f.ship_date && f.create_date)
      shipping_by_order[*f.order_id].push_back({f.create_date->utc, day_text(*f.ship_date), f.voided});

  std::map<std::string, ExpectedOrder> by_key;
  std::map<std::string, std::vector<Shipping>> shipping_by_key;
  for (const auto& order : records.orders) {
    auto& expected = by_key[key_of(order)];
    expected.key = key_of(order);
    expected.order_ids.push_back(order.order_id);
    const auto& ships = shipping_by_order[order.order_id];
    auto& key_ships = shipping_by_key[expected.key];
    key_ships.insert(key_ships.end(), ships.begin(), ships.end());
    if (order.order_status == "cancelled") continue;
    expected.live = true;
    if (expected.customer.empty() && order.bill_to && order.bill_to->name) expected.customer = *order.bill_to->name;
    if (!known_customer(order, known))
      expected.problems.push_back("unknown customer " + order.customer_email.value_or("") + " / " + expected.customer);
    add_lines(expected, order, known);
    if (ships.empty() && order.order_status == "shipped" && order.ship_date && expected.ship_date.empty()) {
      expected.shipped = true;
      expected.ship_date = day_text(*order.ship_date);
    }
  }
  std::vector<ExpectedOrder> result;
  for (auto& [key, expected] : by_key) {
    auto& ships = shipping_by_key[key];
    std::ranges::sort(ships, {}, &Shipping::created);
    if (const auto first = std::ranges::find(ships, false, &Shipping::voided); first != ships.end()) {
      expected.shipped = true;
      expected.ship_date = first->day;
    }
    std::ranges::sort(expected.problems);
    expected.problems.erase(std::ranges::unique(expected.problems).begin(), expected.problems.end());
    result.push_back(std::move(expected));
  }
  return result;
}

}  // namespace ml::merchant_demo
