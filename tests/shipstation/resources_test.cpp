// Fetching what a webhook's resource_url points at, and refusing what it must not.
#include <catch2/catch.hpp>

#include "running_sim.hpp"

using namespace ss_test;

namespace {

std::shared_ptr<ml::core::ManualClock> summer() {
  return std::make_shared<ml::core::ManualClock>(utc("2026-06-10T17:00:00Z"));
}

}  // namespace

TEST_CASE("an ORDER_NOTIFY resource url lists the orders of its import") {
  RunningSim sim({}, summer());
  const auto ids = sim.scenario().create_orders({simple_order(sim.first_store()), simple_order(sim.first_store())});
  std::string batch;
  sim.scenario().inspect([&](const sim::Account& a) { batch = a.orders.at(ids.at(0)).import_batch; });
  Collected<ss::Order> got;
  const auto summary = sim.client()->orders_at(sim.base_url() + "/orders?importBatch=" + batch, got.sink());
  REQUIRE(summary);
  REQUIRE(got.records.size() == 2);
  CHECK(got.records[0].order_id == ids[0]);
  CHECK(got.records[1].order_id == ids[1]);
}

TEST_CASE("a SHIP_NOTIFY resource url is fetched with shipment items although it asks for none") {
  RunningSim sim({}, summer());
  const auto order = sim.scenario().create_order(simple_order(sim.first_store()));
  const auto batch = sim.scenario().create_labels({order});
  Collected<ss::Shipment> got;
  const auto url = sim.base_url() + "/shipments?batchId=" + std::to_string(batch.batch_id) + "&includeShipmentItems=False";
  REQUIRE(sim.client()->shipments_at(url, got.sink()));
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].order_id == order);
  REQUIRE(got.records[0].shipment_items);
  CHECK(got.records[0].shipment_items->size() == 1);
}

TEST_CASE("a resource url outside the allow-list is refused before any request") {
  RunningSim sim({}, summer());
  auto client = sim.client();
  Collected<ss::Order> got;
  for (const char* url : {"https://evil.example.com/orders?importBatch=x", "http://ssapi.shipstation.com/orders",
                          "https://ssapiX.shipstation.com/orders?importBatch=x", "http://127.0.0.1:1/orders"}) {
    const auto result = client->orders_at(url, got.sink());
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ss::ErrorKind::refused_url);
    CHECK(result.error().message.find(url) != std::string::npos);
  }
  CHECK(client->requests_sent() == 0);
  CHECK(sim.server().counters().requests.empty());
}
