#include <catch2/catch.hpp>

#include "http_client.hpp"

using namespace sim_test;

namespace {

std::vector<std::int64_t> ids_in(const Reply& reply, const char* list, const char* id) {
  REQUIRE(reply.status == 200);
  const auto doc = reply.json();
  std::vector<std::int64_t> ids;
  for (const auto& row : doc[list].GetArray()) ids.push_back(row[id].GetInt64());
  return ids;
}

std::vector<std::int64_t> shipment_ids(const Reply& reply) { return ids_in(reply, "shipments", "shipmentId"); }

/// Three orders; labels for the first two in one batch on 2026-03-10 (PDT), the third alone a day later.
struct Shipped {
  RunningSim sim;
  std::vector<std::int64_t> orders;
  ml::shipstation_sim::LabelBatch batch, single;

  Shipped() : sim({}, "2026-03-10T17:00:00Z") {
    orders = sim.scenario().create_orders({simple_order(sim.store(), "A1"), simple_order(sim.store(), "A2"),
                                           simple_order(sim.store(1), "B1")});
    sim.clock().advance(std::chrono::hours(1));
    batch = sim.scenario().create_labels({orders[0], orders[1]});
    sim.clock().advance(std::chrono::hours(24));
    single = sim.scenario().create_labels({orders[2]});
  }
};

}  // namespace

TEST_CASE("a label makes a shipment and ships the order") {
  Shipped s;
  const auto doc = s.sim.get("/shipments").json();
  CHECK(doc["total"].GetInt() == 3);
  const auto& first = doc["shipments"][0];
  CHECK(first["orderId"].GetInt64() == s.orders[0]);
  CHECK(std::string(first["orderNumber"].GetString()) == "A1");
  CHECK(std::string(first["shipDate"].GetString()) == "2026-03-10");
  CHECK(std::string(first["batchNumber"].GetString()) == std::string(doc["shipments"][1]["batchNumber"].GetString()));
  CHECK(doc["shipments"][2]["batchNumber"].IsNull());
  CHECK(first["voided"].GetBool() == false);
  const auto order = s.sim.get("/orders/" + std::to_string(s.orders[0])).json();
  CHECK(std::string(order["orderStatus"].GetString()) == "shipped");
  CHECK(std::string(order["shipDate"].GetString()) == "2026-03-10");
}

TEST_CASE("shipmentItems is null unless includeShipmentItems=true") {
  Shipped s;
  CHECK(s.sim.get("/shipments").json()["shipments"][0]["shipmentItems"].IsNull());
  CHECK(s.sim.get("/shipments?includeShipmentItems=False").json()["shipments"][0]["shipmentItems"].IsNull());
  const auto doc = s.sim.get("/shipments?includeShipmentItems=true").json();
  const auto& items = doc["shipments"][0]["shipmentItems"];
  REQUIRE(items.IsArray());
  CHECK(std::string(items[0]["sku"].GetString()) == "HG-OAK-1000");
  CHECK(items[0]["quantity"].GetInt() == 10);
}

TEST_CASE("batchId, orderId and orderNumber select shipments") {
  Shipped s;
  CHECK(shipment_ids(s.sim.get("/shipments?batchId=" + std::to_string(s.batch.batch_id))) == s.batch.shipment_ids);
  CHECK(shipment_ids(s.sim.get("/shipments?orderId=" + std::to_string(s.orders[2]))) == s.single.shipment_ids);
  CHECK(shipment_ids(s.sim.get("/shipments?orderNumber=A2")) == std::vector{s.batch.shipment_ids[1]});
}

TEST_CASE("shipDate and createDate bounds select shipments") {
  Shipped s;
  CHECK(shipment_ids(s.sim.get("/shipments?shipDateStart=2026-03-11&shipDateEnd=2026-03-11")) == s.single.shipment_ids);
  CHECK(shipment_ids(s.sim.get("/shipments?shipDateEnd=2026-03-10")) == s.batch.shipment_ids);
  CHECK(shipment_ids(s.sim.get("/shipments?createDateStart=2026-03-10+11:00:00&createDateEnd=2026-03-10+11:00:00")) ==
        s.batch.shipment_ids);
}

TEST_CASE("shipments page like orders") {
  Shipped s;
  const auto reply = s.sim.get("/shipments?pageSize=2&page=2");
  CHECK(shipment_ids(reply) == s.single.shipment_ids);
  CHECK(reply.json()["pages"].GetInt() == 2);
  CHECK(shipment_ids(s.sim.get("/shipments?sortBy=ShipDate&sortDir=DESC")).front() == s.single.shipment_ids[0]);
}

TEST_CASE("a voided label stays listed with voided and voidDate, and voidDate bounds find it") {
  Shipped s;
  s.sim.clock().advance(std::chrono::hours(2));
  s.sim.scenario().void_label(s.batch.shipment_ids[0]);
  const auto doc = s.sim.get("/shipments?orderId=" + std::to_string(s.orders[0])).json();
  CHECK(doc["shipments"][0]["voided"].GetBool());
  CHECK(std::string(doc["shipments"][0]["voidDate"].GetString()) == "2026-03-11T13:00:00.0000000");
  CHECK(shipment_ids(s.sim.get("/shipments?voidDateStart=2026-03-11+12:00:00")) == std::vector{s.batch.shipment_ids[0]});
  const auto order = s.sim.get("/orders/" + std::to_string(s.orders[0])).json();
  CHECK(std::string(order["orderStatus"].GetString()) == "awaiting_shipment");
}

TEST_CASE("an order marked as shipped is a fulfillment and never a shipment") {
  RunningSim sim({}, "2026-03-10T17:00:00Z");
  const auto id = sim.scenario().create_order(simple_order(sim.store(), "M1"));
  const auto fulfillment = sim.scenario().mark_shipped(id, "ups", "1Z999");
  CHECK(sim.get("/shipments").json()["total"].GetInt() == 0);
  const auto doc = sim.get("/fulfillments").json();
  REQUIRE(doc["total"].GetInt() == 1);
  CHECK(doc["fulfillments"][0]["fulfillmentId"].GetInt64() == fulfillment);
  CHECK(std::string(doc["fulfillments"][0]["trackingNumber"].GetString()) == "1Z999");
  CHECK(std::string(doc["fulfillments"][0]["shipDate"].GetString()) == "2026-03-10T00:00:00.0000000");
  CHECK(std::string(sim.get("/orders/" + std::to_string(id)).json()["orderStatus"].GetString()) == "shipped");
}

TEST_CASE("fulfillments filter by order and creation time") {
  RunningSim sim({}, "2026-03-10T17:00:00Z");
  const auto first = sim.scenario().create_order(simple_order(sim.store(), "M1"));
  const auto second = sim.scenario().create_order(simple_order(sim.store(), "M2"));
  const auto f1 = sim.scenario().mark_shipped(first);
  sim.clock().advance(std::chrono::hours(3));
  const auto f2 = sim.scenario().mark_shipped(second);
  CHECK(ids_in(sim.get("/fulfillments?orderId=" + std::to_string(first)), "fulfillments", "fulfillmentId") == std::vector{f1});
  CHECK(ids_in(sim.get("/fulfillments?orderNumber=M2"), "fulfillments", "fulfillmentId") == std::vector{f2});
  CHECK(ids_in(sim.get("/fulfillments?createDateStart=2026-03-10+12:00:00"), "fulfillments", "fulfillmentId") ==
        std::vector{f2});
}
