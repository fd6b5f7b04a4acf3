#include <catch2/catch.hpp>

#include "ml/shipstation/parse.hpp"
#include "test_time.hpp"

using namespace ml::shipstation;
using ml::core::Decimal;

TEST_CASE("unknown fields are ignored") {
  const auto order = parse_order(R"({"orderId": 7, "brandNewField": {"x": [1, 2]}, "orderNumber": "A-1"})");
  REQUIRE(order);
  CHECK(order->order_id == 7);
  CHECK(order->order_number == "A-1");
}

TEST_CASE("absent and null fields are simply empty") {
  const auto order = parse_order(R"({"orderId": 7, "shipTo": null, "items": null, "orderTotal": null})");
  REQUIRE(order);
  CHECK_FALSE(order->ship_to);
  CHECK(order->items.empty());
  CHECK_FALSE(order->order_total);
  CHECK_FALSE(order->modify_date);
}

TEST_CASE("a wrongly typed field that is not essential is dropped, not fatal") {
  const auto order = parse_order(R"({"orderId": 7, "gift": "yes", "customerId": "n/a", "tagIds": [1, "x", 3]})");
  REQUIRE(order);
  CHECK_FALSE(order->gift);
  CHECK_FALSE(order->customer_id);
  CHECK(order->tag_ids == std::vector<std::int64_t>{1, 3});
}

TEST_CASE("a missing or malformed order id is reported with its JSON pointer") {
  const auto page = parse_orders_page(R"({"orders": [{"orderId": 1}, {"orderId": "abc"}], "total": 2})");
  REQUIRE_FALSE(page);
  CHECK(page.error().pointer == "/orders/1/orderId");
  CHECK(page.error().describe() == "at /orders/1/orderId: expected an integer, got \"abc\"");
  const auto missing = parse_order(R"({"orderNumber": "A-1"})");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().pointer == "/orderId");
}

TEST_CASE("money that is not a plain number is an error at its pointer") {
  const auto as_bool = parse_order(R"({"orderId": 7, "items": [{"unitPrice": true}]})");
  REQUIRE_FALSE(as_bool);
  CHECK(as_bool.error().pointer == "/items/0/unitPrice");
  const auto exponent = parse_order(R"({"orderId": 7, "orderTotal": 1e2})");
  REQUIRE_FALSE(exponent);
  CHECK(exponent.error().pointer == "/orderTotal");
}

TEST_CASE("money is exact even beyond what a double can hold") {
  const auto order = parse_order(R"({"orderId": 7, "orderTotal": 12345678901234567.89, "amountPaid": 0.1})");
  REQUIRE(order);
  CHECK(order->order_total->to_string() == "12345678901234567.89");
  CHECK(order->amount_paid == Decimal::from_string("0.1"));
}

TEST_CASE("a malformed time is an error at its pointer") {
  const auto order = parse_order(R"({"orderId": 7, "modifyDate": "yesterday"})");
  REQUIRE_FALSE(order);
  CHECK(order.error().pointer == "/modifyDate");
  CHECK(order.error().message.find("yesterday") != std::string::npos);
}

TEST_CASE("malformed JSON is reported with its offset") {
  const auto page = parse_orders_page(R"({"orders": [)");
  REQUIRE_FALSE(page);
  CHECK(page.error().pointer.empty());
  CHECK(page.error().message.find("offset") != std::string::npos);
}

TEST_CASE("JSON nested hundreds of thousands of levels deep is refused before it is parsed") {
  const std::string deep = R"({"orders": )" + std::string(300'000, '[');
  const auto page = parse_orders_page(deep);
  REQUIRE_FALSE(page);
  CHECK(page.error().message == "arrays and objects nested more than 64 levels deep");
  CHECK_FALSE(parse_webhook_payload(R"({"resource_url": )" + std::string(300'000, '{')));
  CHECK_FALSE(error_body_message(std::string(300'000, '[')));
}

TEST_CASE("a list envelope without its array is an error") {
  const auto page = parse_shipments_page(R"({"total": 0})");
  REQUIRE_FALSE(page);
  CHECK(page.error().pointer == "/shipments");
}

TEST_CASE("null entries in a shipments list are skipped") {
  const auto page = parse_shipments_page(R"({"shipments": [null, {"shipmentId": 5, "voided": true,
      "voidDate": "2026-11-01T01:30:00.0000000"}], "total": 2, "page": 1, "pages": 1})");
  REQUIRE(page);
  REQUIRE(page->records.size() == 1);
  CHECK(page->records[0].shipment_id == 5);
  CHECK(page->records[0].voided);
  CHECK(page->records[0].void_date->utc == utc("2026-11-01T08:30:00Z"));
}

TEST_CASE("shipment items are absent, empty or present as sent") {
  const auto absent = parse_shipment(R"({"shipmentId": 1, "shipmentItems": null})");
  REQUIRE(absent);
  CHECK_FALSE(absent->shipment_items);
  const auto empty = parse_shipment(R"({"shipmentId": 1, "shipmentItems": []})");
  REQUIRE(empty);
  REQUIRE(empty->shipment_items);
  CHECK(empty->shipment_items->empty());
}

TEST_CASE("error bodies give their message, ASP.NET exception text included") {
  CHECK(error_body_message(R"({"message": "Invalid API credentials"})") == "Invalid API credentials");
  CHECK(error_body_message(R"({"Message":"An error has occurred.","ExceptionMessage":"Object reference not set"})") ==
        "An error has occurred.: Object reference not set");
  CHECK_FALSE(error_body_message("<html>oops</html>"));
}
