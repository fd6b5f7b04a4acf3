#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "http_client.hpp"
#include "ml/testing/environment.hpp"

using namespace sim_test;

namespace {

std::optional<rapidjson::Document> sample(const char* name) {
  auto shared = ml::testing::shared_dir();
  if (!shared) return std::nullopt;
  std::ifstream in(*shared / "shipstation-samples" / name);
  if (!in) {
    WARN("SKIPPED: sample " << name << " is missing");
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  doc.Parse(text.str().c_str());
  return doc;
}

std::string sample_text(const char* name) {
  auto shared = ml::testing::shared_dir();
  if (!shared) return {};
  std::ifstream in(*shared / "shipstation-samples" / name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A simulator with one shipped order, one marked-as-shipped order and a webhook.
struct Populated {
  RunningSim sim;
  std::int64_t order = 0;

  Populated() {
    auto spec = simple_order(sim.store());
    spec.items.push_back({"DISCOUNT CODE", "10% OFF", 1, ml::core::Decimal::from_string("-2.50"), {}, true, {}});
    order = sim.scenario().create_order(spec);
    sim.scenario().create_labels({order});
    sim.scenario().mark_shipped(sim.scenario().create_order(simple_order(sim.store())));
    request(sim.port(), boost::beast::http::verb::post, "/webhooks/subscribe", kGoodAuth,
            R"({"target_url":"http://example.test/","event":"ORDER_NOTIFY","store_id":null})");
  }
};

}  // namespace

TEST_CASE("an order has the official sample's fields, items and advancedOptions included") {
  auto official = sample("order_get_single_multi_item.official-docs-example.json");
  if (!official) return;
  Populated p;
  const auto order = p.sim.get("/orders/" + std::to_string(p.order)).json();
  CHECK(keys_of(order) == keys_of(*official));
  CHECK(keys_of(order["items"][0]) == keys_of((*official)["items"][0]));
  CHECK(keys_of(order["shipTo"]) == keys_of((*official)["shipTo"]));
  auto real = sample("orders_list_page.agritheory-test.json");
  REQUIRE(real);
  CHECK(keys_of(order["advancedOptions"]) == keys_of((*real)["orders"][0]["advancedOptions"]));
  CHECK(keys_of(order["weight"]) == keys_of((*real)["orders"][0]["weight"]));
}

TEST_CASE("the orders envelope has the sample's fields") {
  auto official = sample("orders_list_page.official-docs-example.json");
  if (!official) return;
  Populated p;
  CHECK(keys_of(p.sim.get("/orders").json()) == keys_of(*official));
}

TEST_CASE("a shipment has the real SHIP_NOTIFY response's fields") {
  auto real = sample("shipments_list_single_real.from-ship-notify.json");
  auto with_items = sample("shipment_with_shipmentItems.official-docs-example.json");
  if (!real || !with_items) return;
  Populated p;
  const auto page = p.sim.get("/shipments?includeShipmentItems=true").json();
  CHECK(keys_of(page) == keys_of(*real));
  const auto& shipment = page["shipments"][0];
  CHECK(keys_of(shipment) == keys_of((*real)["shipments"][0]));
  CHECK(keys_of(shipment["advancedOptions"]) == keys_of((*real)["shipments"][0]["advancedOptions"]));
  CHECK(keys_of(shipment["shipTo"]) == keys_of((*real)["shipments"][0]["shipTo"]));
  CHECK(keys_of(shipment["shipmentItems"][0]) == keys_of((*with_items)["shipmentItems"][0]));
}

TEST_CASE("a fulfillment has the sample's fields") {
  auto real = sample("fulfillments_list_page.agritheory-test.json");
  if (!real) return;
  Populated p;
  const auto page = p.sim.get("/fulfillments").json();
  CHECK(keys_of(page) == keys_of(*real));
  CHECK(keys_of(page["fulfillments"][0]) == keys_of((*real)["fulfillments"][0]));
}

TEST_CASE("stores and webhooks have the samples' fields") {
  auto stores = sample("stores_list.agritheory-test.json");
  auto hooks = sample("webhooks_list.agritheory-test.json");
  if (!stores || !hooks) return;
  Populated p;
  const auto store_list = p.sim.get("/stores").json();
  REQUIRE(store_list.IsArray());
  CHECK(keys_of(store_list[0]) == keys_of((*stores)[0]));
  const auto hook_list = p.sim.get("/webhooks").json();
  CHECK(keys_of(hook_list) == keys_of(*hooks));
  CHECK(keys_of(hook_list["webhooks"][0]) == keys_of((*hooks)["webhooks"][0]));
}

TEST_CASE("a 429 carries the body of the rate-limit sample") {
  const auto text = sample_text("rate_limited_429.SYNTHETIC.http");
  if (text.empty()) return;
  RunningSim sim({.rate_limit = 1});
  sim.get("/stores");
  const auto reply = sim.get("/stores");
  REQUIRE(reply.status == 429);
  CHECK(text.find("\n" + reply.body) != std::string::npos);
}

TEST_CASE("money is written as JSON numbers") {
  Populated p;
  const auto order = p.sim.get("/orders/" + std::to_string(p.order)).json();
  CHECK(order["orderTotal"].IsNumber());
  CHECK(order["items"][1]["unitPrice"].GetDouble() == -2.5);
  CHECK(order["items"][1]["adjustment"].GetBool());
  CHECK(p.sim.get("/shipments").json()["shipments"][0]["shipmentCost"].IsNumber());
}
