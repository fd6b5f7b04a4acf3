#include <catch2/catch.hpp>

#include "http_client.hpp"

using namespace sim_test;
namespace http = boost::beast::http;

namespace {

Reply admin(RunningSim& sim, const std::string& path, const std::string& body = "{}") {
  return request(sim.port(), http::verb::post, "/_sim/" + path, std::nullopt, body);
}

std::string order_body(std::int64_t store, const char* number) {
  return R"({"storeId":)" + std::to_string(store) + R"(,"orderNumber":")" + number +
         R"(","customerName":"Ada","customerEmail":"ada@example.com","taxAmount":1.25,"shippingAmount":5,)"
         R"("items":[{"sku":"HG-OAK-1000","name":"Oak Cutting Board","quantity":2,"unitPrice":19.99},)"
         R"({"sku":"DISCOUNT CODE","name":"10% OFF","quantity":1,"unitPrice":-4.00,"adjustment":true}]})";
}

}  // namespace

TEST_CASE("admin: orders created over HTTP keep their money exact") {
  RunningSim sim;
  const auto created = admin(sim, "orders", order_body(sim.store(), "W-1"));
  REQUIRE(created.status == 200);
  const auto id = created.json()["orderIds"][0].GetInt64();
  const auto order = sim.scenario().order(id);
  REQUIRE(order);
  CHECK(order->order_total() == ml::core::Decimal::from_string("42.23"));
  CHECK(order->items[1].adjustment);
  CHECK(sim.get("/orders/" + std::to_string(id)).body.find("\"orderTotal\":42.23") != std::string::npos);
}

TEST_CASE("admin: a batch of orders is one import") {
  RunningSim sim;
  const auto body = "{\"orders\":[" + order_body(sim.store(), "W-1") + "," + order_body(sim.store(), "W-2") + "]}";
  const auto ids = admin(sim, "orders", body).json();
  REQUIRE(ids["orderIds"].Size() == 2);
  CHECK(sim.scenario().order(ids["orderIds"][0].GetInt64())->import_batch ==
        sim.scenario().order(ids["orderIds"][1].GetInt64())->import_batch);
}

TEST_CASE("admin: edit, label, void, mark-shipped, split, cancel and poison drive the scenario") {
  RunningSim sim;
  const auto a = admin(sim, "orders", order_body(sim.store(), "W-1")).json()["orderIds"][0].GetInt64();
  const auto b = admin(sim, "orders", order_body(sim.store(), "W-2")).json()["orderIds"][0].GetInt64();
  const auto c = admin(sim, "orders", order_body(sim.store(), "W-3")).json()["orderIds"][0].GetInt64();
  const auto base = "orders/" + std::to_string(a) + "/";
  CHECK(admin(sim, base + "edit", R"({"internalNotes":"fragile"})").status == 200);
  CHECK(sim.scenario().order(a)->internal_notes == "fragile");
  const auto labels = admin(sim, "labels", "{\"orderIds\":[" + std::to_string(a) + "]}").json();
  const auto shipment = labels["shipmentIds"][0].GetInt64();
  CHECK(labels["batchId"].GetInt64() > 0);
  CHECK(admin(sim, "shipments/" + std::to_string(shipment) + "/void").status == 200);
  CHECK(sim.scenario().shipment(shipment)->voided);
  CHECK(admin(sim, "orders/" + std::to_string(b) + "/mark-shipped", R"({"trackingNumber":"1Z1"})").json()["fulfillmentId"].GetInt64() > 0);
  const auto item = sim.scenario().order(c)->items.front().order_item_id;
  const auto child = admin(sim, "orders/" + std::to_string(c) + "/split", "{\"orderItemIds\":[" + std::to_string(item) + "]}");
  CHECK(sim.scenario().order(child.json()["orderId"].GetInt64())->parent_id == c);
  CHECK(admin(sim, "orders/" + std::to_string(c) + "/cancel").status == 200);
  CHECK(admin(sim, "orders/" + std::to_string(c) + "/poison").status == 200);
  CHECK(sim.get("/orders").status == 500);
  CHECK(admin(sim, "orders/" + std::to_string(c) + "/poison", R"({"poisoned":false})").status == 200);
  CHECK(sim.get("/orders").status == 200);
}

TEST_CASE("admin: a step that cannot apply answers with the reason") {
  RunningSim sim;
  const auto reply = admin(sim, "orders/77/cancel");
  CHECK(reply.status == 404);
  CHECK(reply.body == R"({"error":"order 77 does not exist"})");
  CHECK(admin(sim, "orders", "{not json").status == 400);
  CHECK(admin(sim, "orders", R"({"storeId":1})").status == 404);
}

TEST_CASE("admin: knobs inject 429s and change the rate limit") {
  RunningSim sim;
  CHECK(admin(sim, "knobs", R"({"inject429":1})").status == 200);
  CHECK(sim.get("/stores").status == 429);
  CHECK(admin(sim, "knobs", R"({"rateLimit":1,"rateWindowSeconds":5})").status == 200);
  CHECK(sim.get("/stores").header("X-Rate-Limit-Limit") == "1");
  CHECK(sim.get("/stores").status == 429);
}

TEST_CASE("admin: the clock moves forward and reports Pacific time") {
  RunningSim sim({}, "2026-03-08T09:59:00Z");
  const auto clock = admin(sim, "clock", R"({"advanceSeconds":60})").json();
  CHECK(std::string(clock["pacific"].GetString()) == "2026-03-08T03:00:00.0000000");
  CHECK(std::string(clock["utc"].GetString()) == "2026-03-08T10:00:00.000Z");
}

TEST_CASE("admin: counters and the catalogue are readable") {
  RunningSim sim;
  sim.get("/orders", std::nullopt);
  const auto counters = get(sim.port(), "/_sim/counters", std::nullopt).json();
  CHECK(counters["unauthorized"].GetInt() == 1);
  CHECK(counters["requests"]["GET /orders"].GetInt() == 1);
  const auto catalogue = get(sim.port(), "/_sim/catalogue", std::nullopt).json();
  CHECK(catalogue["products"].Size() == 64);
  CHECK(catalogue["stores"].Size() == 3);
}
