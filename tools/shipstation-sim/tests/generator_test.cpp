#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "ml/shipstation_sim/generator.hpp"
#include "ml/shipstation_sim/json.hpp"
#include "ml/shipstation_sim/pacific_time.hpp"

using namespace ml::shipstation_sim;

namespace {

std::string everything(const MerchantMonth& month) {
  std::string out = catalogue_json(1, month.account.stores, month.catalogue);
  for (const auto& [id, order] : month.account.orders) out += order_json(order);
  Page<Shipment> shipments;
  for (const auto& [id, s] : month.account.shipments) shipments.rows.push_back(&s);
  Page<Fulfillment> fulfillments;
  for (const auto& [id, f] : month.account.fulfillments) fulfillments.rows.push_back(&f);
  return out + shipments_page_json(shipments, true) + fulfillments_page_json(fulfillments);
}

const MerchantMonth& month_of_seed_7() {
  static const MerchantMonth month = generate_month({.seed = 7});
  return month;
}

bool imported(const Order& order) { return !order.parent_id; }

double share(int part, int whole) { return static_cast<double>(part) / whole; }

}  // namespace

TEST_CASE("the same seed generates the same month, byte for byte") {
  CHECK(everything(generate_month({.seed = 7})) == everything(month_of_seed_7()));
}

TEST_CASE("a different seed generates a different month") {
  CHECK(everything(generate_month({.seed = 8})) != everything(month_of_seed_7()));
}

TEST_CASE("the month has three stores and 2,000 imported orders") {
  const auto& month = month_of_seed_7();
  CHECK(month.account.stores.size() == 3);
  CHECK(std::count_if(month.account.orders.begin(), month.account.orders.end(),
                      [](const auto& entry) { return imported(entry.second); }) == 2000);
  std::set<std::int64_t> stores;
  for (const auto& [id, order] : month.account.orders) stores.insert(order.store_id);
  CHECK(stores.size() == 3);
}

TEST_CASE("about 5% of orders carry a SKU outside the catalogue and 2% a customer outside the list") {
  const auto& month = month_of_seed_7();
  std::set<std::string> skus;
  for (const auto& p : month.catalogue.products) skus.insert(p.sku);
  std::set<std::string> emails;
  for (const auto& c : month.catalogue.customers) emails.insert(c.email);
  int unknown_sku = 0, unknown_customer = 0, total = 0;
  for (const auto& [id, order] : month.account.orders) {
    if (!imported(order)) continue;
    ++total;
    unknown_sku += std::any_of(order.items.begin(), order.items.end(),
                               [&](const OrderItem& i) { return !i.adjustment && !skus.contains(i.sku); });
    unknown_customer += !emails.contains(order.customer_email.value_or(""));
  }
  CHECK(share(unknown_sku, total) > 0.035);
  CHECK(share(unknown_sku, total) < 0.065);
  CHECK(share(unknown_customer, total) > 0.01);
  CHECK(share(unknown_customer, total) < 0.03);
}

TEST_CASE("the month holds discounts, tax, shipping, edits, cancels, voids, splits and fulfillments") {
  const auto& month = month_of_seed_7();
  int discounts = 0, taxed = 0, shipping = 0, edited = 0, cancelled = 0, children = 0;
  for (const auto& [id, order] : month.account.orders) {
    discounts += std::any_of(order.items.begin(), order.items.end(), [](const OrderItem& i) {
      return i.adjustment && i.unit_price.is_negative();
    });
    taxed += !order.tax_amount.is_zero();
    shipping += !order.shipping_amount.is_zero();
    edited += order.internal_notes.has_value();
    cancelled += order.order_status == kCancelled;
    children += order.parent_id.has_value();
  }
  const auto voided = std::count_if(month.account.shipments.begin(), month.account.shipments.end(),
                                    [](const auto& entry) { return entry.second.voided; });
  CHECK(discounts > 200);
  CHECK(taxed > 1000);
  CHECK(shipping > 300);
  CHECK(edited > 20);
  CHECK(cancelled > 20);
  CHECK(voided > 20);
  CHECK(children > 5);
  CHECK(month.account.fulfillments.size() > 20);
  CHECK(month.stats.reused_order_numbers > 20);
}

TEST_CASE("every order placed early in the month is shipped, cancelled or marked shipped") {
  const auto& month = month_of_seed_7();
  const auto cutoff = *parse_query_time("2026-03-20");
  for (const auto& [id, order] : month.account.orders)
    if (order.order_date < cutoff) CHECK((order.order_status == kShipped || order.order_status == kCancelled));
}

TEST_CASE("the exported catalogue lists products, customers and discount SKUs") {
  const auto json = catalogue_json(7, merchant_stores(7), merchant_catalogue(7));
  CHECK(json.find("\"products\":[{\"productId\":") != std::string::npos);
  CHECK(json.find("\"customers\":[{\"customerId\":") != std::string::npos);
  CHECK(json.find("\"adjustmentSkus\":[\"DISCOUNT CODE\"") != std::string::npos);
  CHECK(json == catalogue_json(7, merchant_stores(7), merchant_catalogue(7)));
}
