// Every file in ../shared/shipstation-samples/ parses with the values it really holds.
#include <catch2/catch.hpp>

#include <set>

#include "ml/shipstation/parse.hpp"
#include "samples.hpp"
#include "test_time.hpp"

using namespace ml::shipstation;
using ml::core::Decimal;

#define SAMPLE(name)                        \
  const auto dir = samples_dir();           \
  if (!dir) return;                         \
  const std::string text = read_text(*dir / name)

namespace {
Decimal dec(const char* text) { return Decimal::from_string(text); }
}  // namespace

TEST_CASE("the single-order docs example parses with its items, discount line and exact money") {
  SAMPLE("order_get_single_multi_item.official-docs-example.json");
  const auto order = parse_order(text);
  REQUIRE(order);
  CHECK(order->order_id == 94113592);
  CHECK(order->order_number == "TEST-ORDER-API-DOCS");
  CHECK(order->order_key == "0f6bec18-9-4771-83aa-f392d84f4c74");
  CHECK(order->order_status == "awaiting_shipment");
  CHECK(order->modify_date->raw == "2015-09-08T11:03:12.3800000");
  CHECK(order->modify_date->utc == utc("2015-09-08T18:03:12.38Z"));
  CHECK(order->create_date->utc == utc("2015-07-16T21:00:34.823Z"));
  REQUIRE(order->items.size() == 2);
  const OrderItem& line = order->items[0];
  CHECK(line.order_item_id == 128836912);
  CHECK(line.sku == "ABC123");
  CHECK(line.quantity == dec("2"));
  CHECK(line.unit_price == dec("99.99"));
  CHECK_FALSE(line.adjustment);
  CHECK(line.create_date->utc == utc("2015-07-16T21:00:34.823Z"));
  REQUIRE(line.options.size() == 1);
  CHECK(line.options[0].value == "Large");
  const OrderItem& discount = order->items[1];
  CHECK(discount.sku == "DISCOUNT CODE");
  CHECK(discount.adjustment);
  CHECK(discount.unit_price == dec("-20.55"));
  CHECK_FALSE(discount.product_id);
  CHECK(order->order_total == dec("194.43"));
  CHECK(order->amount_paid == dec("218.73"));
  Decimal sum = *order->tax_amount + *order->shipping_amount;
  for (const auto& item : order->items) sum += *item.quantity * *item.unit_price;
  CHECK(sum == *order->order_total);  // exact: 179.43 + 5 + 10, no binary rounding
  CHECK(order->ship_date->raw == "2015-07-02");
  CHECK_FALSE(order->hold_until_date);
  CHECK(order->ship_to->city == "Washington");
  CHECK(order->ship_to->residential == false);
  CHECK_FALSE(order->bill_to->street1);
  CHECK(order->advanced_options->store_id == 26815);
  CHECK(order->advanced_options->merged_ids.empty());
  CHECK(order->gift == true);
}

TEST_CASE("the real shipped order parses although many keys are absent") {
  SAMPLE("order_real_shipped_pst_dates.skuvault-test.json");
  const auto order = parse_order(text);
  REQUIRE(order);
  CHECK(order->order_id == 148363009);
  CHECK(order->order_number == "100208");
  CHECK(order->order_status == "shipped");
  CHECK(order->payment_date->utc == utc("2015-06-06T07:29:35Z"));  // the value SkuVault's own test asserts
  CHECK(order->modify_date->utc == utc("2015-06-14T00:18:25.6Z"));
  CHECK_FALSE(order->create_date);
  CHECK_FALSE(order->customer_id);
  CHECK(order->hold_until_date->raw == "2015-06-30");
  CHECK(order->ship_date->raw == "2015-06-13");
  REQUIRE(order->items.size() == 1);
  CHECK(order->items[0].sku == "testSku1");
  CHECK(order->items[0].unit_price == dec("1.0"));
  CHECK_FALSE(order->items[0].weight);
  CHECK_FALSE(order->items[0].create_date);
  CHECK(order->order_total == dec("1"));
  CHECK(order->amount_paid == dec("0"));
  CHECK(order->ship_to->address_verified == "Address validation failed");
  CHECK(order->advanced_options->store_id == 28400);
}

TEST_CASE("the official orders page parses both orders and the envelope") {
  SAMPLE("orders_list_page.official-docs-example.json");
  const auto page = parse_orders_page(text);
  REQUIRE(page);
  CHECK(page->total == 2);
  CHECK(page->page == 1);
  CHECK(page->pages == 1);
  REQUIRE(page->records.size() == 2);
  const Order& first = page->records[0];
  CHECK(first.order_id == 987654321);
  CHECK(first.order_number == "Test-International-API-DOCS");
  CHECK(first.modify_date->utc == utc("2015-08-17T16:24:16.48Z"));
  CHECK(first.order_total == dec("387.97"));
  CHECK(first.tax_amount == dec("27.99"));
  CHECK(first.shipping_amount == dec("35"));
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].sku == "Ele-1234");
  CHECK(first.items[0].unit_price == dec("49.99"));
  CHECK(first.items[1].sku == "CN-9876");
  CHECK(first.items[1].unit_price == dec("225"));
  CHECK(first.items[0].create_date->utc == utc("2015-08-17T16:24:14.78Z"));
  CHECK(first.ship_to->country == "GB");
  const Order& second = page->records[1];
  CHECK(second.order_id == 123456789);
  CHECK(second.order_number == "TEST-ORDER-API-DOCS");
  CHECK(second.items[1].adjustment);
  CHECK(second.order_total == dec("194.43"));
}

TEST_CASE("the agritheory orders page parses orders with empty item lists") {
  SAMPLE("orders_list_page.agritheory-test.json");
  const auto page = parse_orders_page(text);
  REQUIRE(page);
  REQUIRE(page->records.size() == 2);
  CHECK(page->records[0].order_id == 123456789);
  CHECK(page->records[0].items.empty());
  CHECK(page->records[0].order_total == dec("7.0"));
  CHECK(page->records[0].order_date->utc == utc("2015-05-19T22:35:00Z"));
  CHECK(page->records[0].advanced_options->source == "Manual Orders");
  CHECK(page->records[1].order_date->utc == utc("2015-05-20T04:24:00Z"));
  CHECK(page->records[1].ship_date->raw == "2015-07-01");
  CHECK(page->records[1].ship_to->street3 == "Maharashtra");
}

TEST_CASE("an empty orders array keeps the envelope's paging so the walk goes on") {
  SAMPLE("orders_envelope_empty_orders_array.skuvault-test.json");
  const auto page = parse_orders_page(text);
  REQUIRE(page);
  CHECK(page->records.empty());
  CHECK(page->total == 2);
  CHECK(page->page == 1);
  CHECK(page->pages == 3);
}

TEST_CASE("the docs shipment parses with its shipment items") {
  SAMPLE("shipment_with_shipmentItems.official-docs-example.json");
  const auto shipment = parse_shipment(text);
  REQUIRE(shipment);
  CHECK(shipment->shipment_id == 33974374);
  CHECK(shipment->order_id == 43945660);
  CHECK(shipment->order_number == "100038-1");
  CHECK(shipment->create_date->utc == utc("2014-10-03T13:51:33.627Z"));
  CHECK(shipment->ship_date->raw == "2014-10-03");
  CHECK(shipment->shipment_cost == dec("1.93"));
  CHECK(shipment->insurance_cost == dec("0"));
  CHECK(shipment->tracking_number == "9400111899561704681189");
  CHECK(shipment->batch_number == "100301");
  CHECK_FALSE(shipment->voided);
  CHECK_FALSE(shipment->void_date);
  CHECK_FALSE(shipment->store_id);  // advancedOptions is null
  REQUIRE(shipment->shipment_items);
  REQUIRE(shipment->shipment_items->size() == 1);
  CHECK((*shipment->shipment_items)[0].sku == "SQ3785739");
  CHECK((*shipment->shipment_items)[0].quantity == dec("1"));
  CHECK((*shipment->shipment_items)[0].unit_price == dec("1"));
}

TEST_CASE("the agritheory shipments page parses three labels without items") {
  SAMPLE("shipments_list_page.agritheory-test.json");
  const auto page = parse_shipments_page(text);
  REQUIRE(page);
  CHECK(page->total == 3);
  REQUIRE(page->records.size() == 3);
  for (const Shipment& s : page->records) {
    CHECK(s.batch_number == "100002");
    CHECK(s.shipment_cost == dec("2.35"));
    CHECK(s.create_date->utc == utc("2015-06-29T21:29:28.583Z"));
    CHECK(s.store_id == 12345);
    CHECK_FALSE(s.shipment_items);
    CHECK(s.weight->value == dec("6.0"));
  }
  CHECK(page->records[1].shipment_id == 101027951);
  CHECK(page->records[2].order_id == 345678901);
}

TEST_CASE("the shipment fetched from a real SHIP_NOTIFY parses") {
  SAMPLE("shipments_list_single_real.from-ship-notify.json");
  const auto page = parse_shipments_page(text);
  REQUIRE(page);
  REQUIRE(page->records.size() == 1);
  const Shipment& s = page->records[0];
  CHECK(s.shipment_id == 271726263);
  CHECK(s.order_id == 470873934);
  CHECK(s.create_date->utc == utc("2024-09-17T17:51:14.503Z"));
  CHECK(s.ship_date->raw == "2024-09-17");
  CHECK(s.shipment_cost == dec("39.57"));
  CHECK(s.carrier_code == "ups_walleted");
  CHECK(s.store_id == 518236);
  CHECK_FALSE(s.customer_email);
  CHECK_FALSE(s.batch_number);
  CHECK(s.ship_to->country == "CA");
}

TEST_CASE("the fulfillments page parses marked-as-shipped orders") {
  SAMPLE("fulfillments_list_page.agritheory-test.json");
  const auto page = parse_fulfillments_page(text);
  REQUIRE(page);
  REQUIRE(page->records.size() == 2);
  const Fulfillment& f = page->records[0];
  CHECK(f.fulfillment_id == 12345678);
  CHECK(f.order_id == 123456789);
  CHECK(f.order_number == "4229");
  CHECK(f.create_date->utc == utc("2020-06-19T14:21:51.773Z"));
  CHECK(f.ship_date->day == std::chrono::year_month_day{std::chrono::year{2020}, std::chrono::June, std::chrono::day{19}});
  CHECK(f.fulfillment_fee == dec("0.0"));
  CHECK(f.tracking_number == "1Z4X53V5032442XXXX");
  CHECK_FALSE(f.voided);
  CHECK(page->records[1].notify_error_message->find("Shopify") != std::string::npos);
  CHECK(page->records[1].ship_date->raw == "2020-06-24T10:32:33.6870000");
}

TEST_CASE("the stores list parses with Pacific winter times") {
  SAMPLE("stores_list.agritheory-test.json");
  const auto stores = parse_stores(text);
  REQUIRE(stores);
  REQUIRE(stores->size() == 3);
  CHECK((*stores)[0].store_id == 34567);
  CHECK((*stores)[0].store_name == "Mexico Amazon Store");
  CHECK((*stores)[0].marketplace_name == "Amazon");
  CHECK((*stores)[0].create_date->utc == utc("2017-03-01T21:57:49.033Z"));
  CHECK((*stores)[2].store_id == 12345);
}

TEST_CASE("the webhooks list parses") {
  SAMPLE("webhooks_list.agritheory-test.json");
  const auto hooks = parse_webhooks(text);
  REQUIRE(hooks);
  REQUIRE(hooks->size() == 2);
  CHECK((*hooks)[0].webhook_id == 123);
  CHECK((*hooks)[0].hook_type == "ITEM_ORDER_NOTIFY");
  CHECK((*hooks)[0].store_id == 12345);
  CHECK((*hooks)[1].url == "https://example.endpoint/shipment");
  CHECK((*hooks)[1].active == true);
}

TEST_CASE("every webhook payload sample gives its resource url and type") {
  const auto dir = samples_dir();
  if (!dir) return;
  const std::pair<const char*, const char*> expected[] = {
      {"webhook_ORDER_NOTIFY.docs-sample.json", "ORDER_NOTIFY"},
      {"webhook_SHIP_NOTIFY.docs-sample.json", "SHIP_NOTIFY"},
      {"webhook_ITEM_SHIP_NOTIFY.docs-sample.json", "ITEM_SHIP_NOTIFY"},
      {"webhook_SHIP_NOTIFY.real.json", "SHIP_NOTIFY"},
      {"webhook_SHIP_NOTIFY.real-numbered-host.metactical.json", "SHIP_NOTIFY"}};
  for (const auto& [file, type] : expected) {
    const auto payload = parse_webhook_payload(read_text(*dir / file));
    REQUIRE(payload);
    CHECK(payload->resource_type == type);
    CHECK(payload->resource_url.starts_with("https://ssapi"));
  }
  CHECK(parse_webhook_payload(read_text(*dir / "webhook_SHIP_NOTIFY.real-numbered-host.metactical.json"))->resource_url ==
        "https://ssapi6.shipstation.com/shipments?batchId=190671332&includeShipmentItems=False");
}

TEST_CASE("the subscribe request body is not a webhook payload and says what is missing") {
  SAMPLE("webhook_subscribe_request.docs-example.json");
  const auto payload = parse_webhook_payload(text);
  REQUIRE_FALSE(payload);
  CHECK(payload.error().pointer == "/resource_url");
}

TEST_CASE("the bodies of the raw HTTP samples parse") {
  const auto dir = samples_dir();
  if (!dir) return;
  const auto body = [](const std::string& http) { return http.substr(http.find("\r\n\r\n") != std::string::npos ? http.find("\r\n\r\n") + 4 : http.find("\n\n") + 2); };
  const auto ok = parse_orders_page(body(read_text(*dir / "ok_200_rate_headers.SYNTHETIC.http")));
  REQUIRE(ok);
  CHECK(ok->total == 0);
  CHECK(ok->pages == 0);
  CHECK(error_body_message(body(read_text(*dir / "rate_limited_429.SYNTHETIC.http"))) == "Too Many Requests");
}

TEST_CASE("no sample file is left untested") {
  const auto dir = samples_dir();
  if (!dir) return;
  const std::set<std::string> covered = {
      "SOURCES.md", "fulfillments_list_page.agritheory-test.json", "ok_200_rate_headers.SYNTHETIC.http",
      "order_get_single_multi_item.official-docs-example.json", "order_real_shipped_pst_dates.skuvault-test.json",
      "orders_envelope_empty_orders_array.skuvault-test.json", "orders_list_page.agritheory-test.json",
      "orders_list_page.official-docs-example.json", "rate_limited_429.SYNTHETIC.http",
      "shipment_with_shipmentItems.official-docs-example.json", "shipments_list_page.agritheory-test.json",
      "shipments_list_single_real.from-ship-notify.json", "stores_list.agritheory-test.json",
      "third_party_openapi", "webhook_ITEM_SHIP_NOTIFY.docs-sample.json", "webhook_ORDER_NOTIFY.docs-sample.json",
      "webhook_SHIP_NOTIFY.docs-sample.json", "webhook_SHIP_NOTIFY.real-numbered-host.metactical.json",
      "webhook_SHIP_NOTIFY.real.json", "webhook_subscribe_request.docs-example.json",
      "webhooks_list.agritheory-test.json"};
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    INFO(entry.path().filename().string());
    CHECK(covered.count(entry.path().filename().string()) == 1);
  }
}
