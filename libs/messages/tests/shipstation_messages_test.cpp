#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("ss.order.changed without modify_date is rejected naming the field") {
  const auto error = rejection(without(sample_json<SsOrderChanged>(), "/payload/modify_date"));
  CHECK(error.kind == MessageError::Kind::schema_violation);
  CHECK(error.pointer == "/payload/modify_date");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("ss.order.changed with order_id as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<SsOrderChanged>(), "/payload/order_id", R"("987654321")"));
  CHECK(error.pointer == "/payload/order_id");
  CHECK(error.problem == "expected integer, got string");
}

TEST_CASE("an order item's unit price given as a JSON number is rejected") {
  const auto error = rejection(with(sample_json<SsOrderChanged>(), "/payload/items/1/unit_price", "-20.55"));
  CHECK(error.pointer == "/payload/items/1/unit_price");
  CHECK(error.problem == "expected string, got number");
}

TEST_CASE("an order item without a name is rejected naming the item's field") {
  const auto error = rejection(without(sample_json<SsOrderChanged>(), "/payload/items/0/name"));
  CHECK(error.pointer == "/payload/items/0/name");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("an unknown order status is rejected listing the known ones") {
  const auto error = rejection(with(sample_json<SsOrderChanged>(), "/payload/order_status", R"("lost")"));
  CHECK(error.pointer == "/payload/order_status");
  CHECK_THAT(error.problem, Catch::StartsWith("is not one of \"awaiting_payment\", \"awaiting_shipment\""));
}

TEST_CASE("an amount with a thousands separator is rejected quoting the pattern") {
  const auto error = rejection(with(sample_json<SsOrderChanged>(), "/payload/tax_amount", R"("1,002.50")"));
  CHECK(error.pointer == "/payload/tax_amount");
  CHECK(error.problem == R"(does not match pattern ^-?[0-9]+(\.[0-9]+)?$)");
}

TEST_CASE("an order's amounts keep their exact decimal text") {
  const auto json = with(sample_json<SsOrderChanged>(), "/payload/items/0/unit_price", R"("33.333")");
  const auto order = decode<SsOrderChanged>(*Envelope::parse(json));
  REQUIRE(order.has_value());
  CHECK(order->items[0].unit_price.to_string() == "33.333");
}

TEST_CASE("ss.shipment.changed without ship_date is rejected naming the field") {
  const auto error = rejection(without(sample_json<SsShipmentChanged>(), "/payload/ship_date"));
  CHECK(error.pointer == "/payload/ship_date");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("ss.shipment.changed with voided as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<SsShipmentChanged>(), "/payload/voided", R"("true")"));
  CHECK(error.pointer == "/payload/voided");
  CHECK(error.problem == "expected boolean, got string");
}

TEST_CASE("a shipment's ship_date carrying a time of day is rejected") {
  const auto error = rejection(with(sample_json<SsShipmentChanged>(), "/payload/ship_date", R"("2016-02-26T00:00:00")"));
  CHECK(error.pointer == "/payload/ship_date");
  CHECK_THAT(error.problem, Catch::StartsWith("does not match pattern"));
}

TEST_CASE("ss.batch.received without source is rejected naming the field") {
  const auto error = rejection(without(sample_json<SsBatchReceived>(), "/payload/source"));
  CHECK(error.pointer == "/payload/source");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("ss.batch.received with an order id given as a string is rejected naming the element") {
  const auto error = rejection(with(sample_json<SsBatchReceived>(), "/payload/order_ids/1", R"("987654322")"));
  CHECK(error.pointer == "/payload/order_ids/1");
  CHECK(error.problem == "expected integer, got string");
}
