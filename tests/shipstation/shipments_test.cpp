#include <catch2/catch.hpp>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;

namespace {

struct LabelledOrders {
  std::shared_ptr<ml::core::ManualClock> clock =
      std::make_shared<ml::core::ManualClock>(utc("2026-06-10T17:00:00Z"));
  RunningSim sim{{}, clock};
  std::vector<std::int64_t> orders;
  sim::LabelBatch batch;

  LabelledOrders() {
    for (int i = 0; i < 3; ++i) orders.push_back(sim.scenario().create_order(simple_order(sim.first_store())));
    clock->advance(1h);
    batch = sim.scenario().create_labels(orders);
  }
};

}  // namespace

TEST_CASE("labels created in a window arrive with their shipment items") {
  LabelledOrders f;
  Collected<ss::Shipment> got;
  const auto summary = f.sim.client()->shipments_created(
      {utc("2026-06-10T17:30:00Z"), utc("2026-06-10T18:30:00Z")}, got.sink());
  REQUIRE(summary);
  REQUIRE(got.records.size() == 3);
  for (const auto& s : got.records) {
    CHECK_FALSE(s.voided);
    CHECK(s.create_date->utc == utc("2026-06-10T18:00:00Z"));
    CHECK(s.create_date->raw.starts_with("2026-06-10T11:00:00"));  // PDT wall clock
    REQUIRE(s.shipment_items);
    REQUIRE(s.shipment_items->size() == 1);
    CHECK((*s.shipment_items)[0].sku == "HG-OAK-1000");
  }
}

TEST_CASE("a voided label is found by its void date") {
  LabelledOrders f;
  f.clock->advance(3h);
  f.sim.scenario().void_label(f.batch.shipment_ids.at(1));
  auto client = f.sim.client();
  Collected<ss::Shipment> voided;
  REQUIRE(client->shipments_voided({utc("2026-06-10T20:30:00Z"), utc("2026-06-10T21:30:00Z")}, voided.sink()));
  REQUIRE(voided.records.size() == 1);
  CHECK(voided.records[0].shipment_id == f.batch.shipment_ids.at(1));
  CHECK(voided.records[0].voided);
  CHECK(voided.records[0].void_date->utc == utc("2026-06-10T21:00:00Z"));
  Collected<ss::Shipment> none;
  REQUIRE(client->shipments_voided({utc("2026-06-10T17:00:00Z"), utc("2026-06-10T20:00:00Z")}, none.sink()));
  CHECK(none.records.empty());
}

TEST_CASE("orders marked as shipped are found as fulfillments") {
  LabelledOrders f;
  const auto order = f.sim.scenario().create_order(simple_order(f.sim.first_store()));
  f.clock->advance(30min);
  const auto fulfillment = f.sim.scenario().mark_shipped(order, "usps", "9205500000000000000042");
  Collected<ss::Fulfillment> got;
  REQUIRE(f.sim.client()->fulfillments_created({utc("2026-06-10T18:00:00Z"), utc("2026-06-10T19:00:00Z")},
                                               got.sink()));
  REQUIRE(got.records.size() == 1);
  CHECK(got.records[0].fulfillment_id == fulfillment);
  CHECK(got.records[0].order_id == order);
  CHECK(got.records[0].tracking_number == "9205500000000000000042");
}
