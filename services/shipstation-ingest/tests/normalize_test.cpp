// ShipStation records become messages; what makes two records the same version.
#include <catch2/catch.hpp>

#include "ml/shipstation/parse.hpp"
#include "ml/shipstation_ingest/normalize.hpp"

using namespace ml::shipstation_ingest;
namespace ss = ml::shipstation;

namespace {

const char* kOrder = R"({"orderId":94113592,"orderNumber":"TEST-ORDER-API-DOCS","orderKey":"0f6bec18",
  "orderDate":"2015-06-29T08:46:27.0000000","modifyDate":"2015-08-17T09:24:16.4800000",
  "orderStatus":"awaiting_shipment","customerEmail":"headhoncho@whitehouse.gov","shipDate":"2015-07-02",
  "billTo":{"name":"The President"},"shipTo":{"name":"The President","country":"US"},
  "items":[{"orderItemId":128836912,"lineItemKey":"vd08-MSLbtx","sku":"ABC123","name":"Test item #1",
            "quantity":2,"unitPrice":99.99},
           {"sku":"DISCOUNT CODE","name":"10% OFF","quantity":1,"unitPrice":-20.55,"adjustment":true}],
  "taxAmount":5,"shippingAmount":null,"advancedOptions":{"storeId":26815,"mergedOrSplit":false,"mergedIds":[]}})";

ss::Order order(const char* json = kOrder) { return *ss::parse_order(json); }

}  // namespace

TEST_CASE("an order keeps its identity, Pacific modifyDate text and exact amounts") {
  const auto m = order_message(order(), "batch-1");
  REQUIRE(m);
  CHECK(m->order_id == 94113592);
  CHECK(m->order_number == "TEST-ORDER-API-DOCS");
  CHECK(m->modify_date_raw == "2015-08-17T09:24:16.4800000");
  CHECK(ml::messages::format_utc(m->modify_date) == "2015-08-17T16:24:16.480Z");
  CHECK(m->store_id == 26815);
  REQUIRE(m->items.size() == 2);
  CHECK(m->items[1].adjustment);
  CHECK(m->items[1].unit_price.to_string() == "-20.55");
  CHECK(m->tax_amount.to_string() == "5");
  CHECK(m->shipping_amount.to_string() == "0");
  CHECK(m->batch_id == "batch-1");
}

TEST_CASE("an order without modifyDate cannot be published and says why") {
  auto o = order();
  o.modify_date.reset();
  const auto m = order_message(o, "b");
  REQUIRE_FALSE(m);
  CHECK(m.error() == "order 94113592: modifyDate is missing");
}

TEST_CASE("an order with an unknown status cannot be published") {
  auto o = order();
  o.order_status = "teleported";
  REQUIRE_FALSE(order_message(o, "b"));
}

TEST_CASE("the same order with the same modifyDate is the same version") {
  const auto a = order_message(order(), "batch-1");
  const auto b = order_message(order(), "batch-2");
  CHECK(version_of(*a) == version_of(*b));
}

TEST_CASE("a later modifyDate is a new version of the order") {
  auto edited = order();
  edited.modify_date = *ss::parse_pacific("2015-08-17T09:24:16.4800001");
  CHECK_FALSE(version_of(*order_message(order(), "b")) == version_of(*order_message(edited, "b")));
}

TEST_CASE("a label and its void are two versions; a fulfillment with the same id is another record") {
  const auto label = *ss::parse_shipment(R"({"shipmentId":33974374,"orderId":43945660,"orderNumber":"100038",
    "createDate":"2014-10-03T06:51:33.6270000","shipDate":"2014-10-03","voided":false,"shipmentCost":1.93})");
  auto voided = label;
  voided.voided = true;
  voided.void_date = *ss::parse_pacific("2014-10-04T06:51:33.6270000");
  const auto created = shipment_message(label, "b");
  const auto void_message = shipment_message(voided, "b");
  REQUIRE(created);
  REQUIRE(void_message);
  CHECK(created->shipment_cost->to_string() == "1.93");
  CHECK_FALSE(version_of(*created) == version_of(*void_message));
  ss::Fulfillment f;
  f.fulfillment_id = 33974374;
  f.order_id = 43945660;
  f.order_number = "100038";
  f.create_date = label.create_date;
  f.ship_date = label.ship_date;
  const auto fulfilled = fulfillment_message(f, "b");
  REQUIRE(fulfilled);
  CHECK(fulfilled->source == ml::messages::ShipmentSource::fulfillment);
  CHECK_FALSE(version_of(*created) == version_of(*fulfilled));
}

TEST_CASE("a label without shipDate cannot be published") {
  const auto label =
      *ss::parse_shipment(R"({"shipmentId":1,"orderId":2,"orderNumber":"3","createDate":"2014-10-03T06:51:33"})");
  const auto m = shipment_message(label, "b");
  REQUIRE_FALSE(m);
  CHECK(m.error() == "shipment 1: shipDate is missing");
}
