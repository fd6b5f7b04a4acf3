#include <catch2/catch.hpp>

#include "http_client.hpp"

using namespace sim_test;

namespace {

std::vector<std::int64_t> order_ids(const Reply& reply) {
  REQUIRE(reply.status == 200);
  const auto doc = reply.json();
  std::vector<std::int64_t> ids;
  for (const auto& order : doc["orders"].GetArray()) ids.push_back(order["orderId"].GetInt64());
  return ids;
}

/// Five orders created one hour apart from 2026-03-10 12:00 PDT: 1001, 1002, 1003 in store 0,
/// 1001 again in store 1, 2001 in store 0 (awaiting_payment).
struct FiveOrders {
  RunningSim sim;
  std::vector<std::int64_t> ids;

  FiveOrders() : sim({}, "2026-03-10T19:00:00Z") {
    for (auto [store, number] : {std::pair{0, "1001"}, {0, "1002"}, {0, "1003"}, {1, "1001"}, {0, "2001"}}) {
      auto order = simple_order(sim.store(store), number);
      if (std::string(number) == "2001") order.order_status = ml::shipstation_sim::kAwaitingPayment;
      ids.push_back(sim.scenario().create_order(order));
      sim.clock().advance(std::chrono::hours(1));
    }
  }
};

}  // namespace

TEST_CASE("orders come in the list envelope sorted by orderId") {
  FiveOrders f;
  const auto reply = f.sim.get("/orders");
  CHECK(order_ids(reply) == f.ids);
  const auto doc = reply.json();
  CHECK(doc["total"].GetInt() == 5);
  CHECK(doc["page"].GetInt() == 1);
  CHECK(doc["pages"].GetInt() == 1);
}

TEST_CASE("pages split the list by pageSize and a page past the end is empty") {
  FiveOrders f;
  CHECK(order_ids(f.sim.get("/orders?pageSize=2&page=1")) == std::vector{f.ids[0], f.ids[1]});
  const auto last = f.sim.get("/orders?pageSize=2&page=3");
  CHECK(order_ids(last) == std::vector{f.ids[4]});
  CHECK(last.json()["pages"].GetInt() == 3);
  CHECK(order_ids(f.sim.get("/orders?pageSize=2&page=4")).empty());
  CHECK(f.sim.get("/orders?page=0").status == 400);
}

TEST_CASE("pageSize defaults to 100 and is capped at 500") {
  RunningSim sim({.month = ml::shipstation_sim::GeneratorOptions{.seed = 3, .orders = 700}});
  CHECK(sim.get("/orders").json()["orders"].Size() == 100);
  const auto doc = sim.get("/orders?pageSize=900").json();
  CHECK(doc["orders"].Size() == 500);
  CHECK(doc["pages"].GetInt() == (doc["total"].GetInt() + 499) / 500);
}

TEST_CASE("orderNumber matches orders whose number starts with it, in every store") {
  FiveOrders f;
  CHECK(order_ids(f.sim.get("/orders?orderNumber=1001")) == std::vector{f.ids[0], f.ids[3]});
  CHECK(order_ids(f.sim.get("/orders?orderNumber=100")).size() == 4);
}

TEST_CASE("storeId filters by store, whatever the parameter's case") {
  FiveOrders f;
  const auto store = std::to_string(f.sim.store(1));
  CHECK(order_ids(f.sim.get("/orders?storeId=" + store)) == std::vector{f.ids[3]});
  CHECK(order_ids(f.sim.get("/orders?storeID=" + store)) == std::vector{f.ids[3]});
  CHECK(f.sim.get("/orders?storeId=abc").status == 400);
}

TEST_CASE("orderStatus filters by status") {
  FiveOrders f;
  CHECK(order_ids(f.sim.get("/orders?orderStatus=awaiting_payment")) == std::vector{f.ids[4]});
  CHECK(order_ids(f.sim.get("/orders?orderStatus=awaiting_shipment")).size() == 4);
}

TEST_CASE("createDate bounds take Pacific times and include both ends") {
  FiveOrders f;
  const auto ids = order_ids(f.sim.get("/orders?createDateStart=2026-03-10+13:00:00&createDateEnd=2026-03-10%2014:00:00"));
  CHECK(ids == std::vector{f.ids[1], f.ids[2]});
  CHECK(f.sim.get("/orders?createDateStart=yesterday").status == 400);
}

TEST_CASE("orderDate bounds filter by when the order was placed") {
  FiveOrders f;
  CHECK(order_ids(f.sim.get("/orders?orderDateEnd=2026-03-10+12:30:00")) == std::vector{f.ids[0]});
  CHECK(order_ids(f.sim.get("/orders?orderDateStart=2026-03-10T16:00:00")) == std::vector{f.ids[4]});
}

TEST_CASE("an edit bumps modifyDate, so a modifyDate window finds the edited order") {
  FiveOrders f;
  f.sim.scenario().edit_order(f.ids[0], [](auto& order) { order.internal_notes = "call first"; });
  const auto ids = order_ids(f.sim.get("/orders?modifyDateStart=2026-03-10+17:00:00&modifyDateEnd=2026-03-10+17:00:00"));
  CHECK(ids == std::vector{f.ids[0]});
  const auto order = f.sim.get("/orders/" + std::to_string(f.ids[0])).json();
  CHECK(std::string(order["createDate"].GetString()) == "2026-03-10T12:00:00.0000000");
  CHECK(std::string(order["modifyDate"].GetString()) == "2026-03-10T17:00:00.0000000");
  CHECK(std::string(order["internalNotes"].GetString()) == "call first");
}

TEST_CASE("sortBy and sortDir order the list") {
  FiveOrders f;
  f.sim.scenario().edit_order(f.ids[1], [](auto&) {});
  const auto by_modify = order_ids(f.sim.get("/orders?sortBy=ModifyDate&sortDir=DESC"));
  CHECK(by_modify.front() == f.ids[1]);
  CHECK(order_ids(f.sim.get("/orders?sortBy=OrderDate&sortDir=ASC")) == f.ids);
  CHECK(order_ids(f.sim.get("/orders?sortBy=CreateDate&sortDir=DESC")).front() == f.ids[4]);
  CHECK(f.sim.get("/orders?sortBy=Colour").status == 400);
}

TEST_CASE("importBatch selects the orders of one import") {
  RunningSim sim;
  const auto ids = sim.scenario().create_orders({simple_order(sim.store()), simple_order(sim.store())});
  sim.scenario().create_order(simple_order(sim.store()));
  std::string batch;
  sim.scenario().inspect([&](const auto& account) { batch = account.orders.at(ids[0]).import_batch; });
  CHECK(order_ids(sim.get("/orders?importBatch=" + batch)) == ids);
}

TEST_CASE("GET /orders/{id} answers the bare order, 404 for an unknown id") {
  FiveOrders f;
  const auto order = f.sim.get("/orders/" + std::to_string(f.ids[2])).json();
  CHECK(order["orderId"].GetInt64() == f.ids[2]);
  CHECK(std::string(order["orderNumber"].GetString()) == "1003");
  CHECK(order["orderTotal"].GetDouble() == 25.0);
  CHECK(f.sim.get("/orders/999").status == 404);
}

TEST_CASE("a poisoned order fails every page holding it while other pages answer") {
  FiveOrders f;
  f.sim.scenario().poison_order(f.ids[2]);
  const auto poisoned = f.sim.get("/orders?pageSize=2&page=2");
  CHECK(poisoned.status == 500);
  CHECK(poisoned.json()["Message"].GetString() == std::string("An error has occurred."));
  CHECK(f.sim.get("/orders?pageSize=2&page=1").status == 200);
  CHECK(f.sim.get("/orders?pageSize=2&page=3").status == 200);
  CHECK(f.sim.get("/orders?pageSize=1&page=3").status == 500);
  CHECK(f.sim.get("/orders?orderNumber=1002").status == 200);
  f.sim.scenario().poison_order(f.ids[2], false);
  CHECK(f.sim.get("/orders?pageSize=2&page=2").status == 200);
}

TEST_CASE("a split child keeps the orderNumber and points at its parent") {
  FiveOrders f;
  f.sim.scenario().edit_order(f.ids[0], [](auto& order) {
    order.items.push_back({0, {}, "HG-WAL-1007", "Walnut Cutting Board", {}, 1, ml::core::Decimal::from_string("94.99"), {}, {}, false, {}, {}});
  });
  const auto moved = f.sim.scenario().order(f.ids[0])->items.back().order_item_id;
  const auto child = f.sim.scenario().split_order(f.ids[0], {moved});
  const auto doc = f.sim.get("/orders/" + std::to_string(child)).json();
  CHECK(std::string(doc["orderNumber"].GetString()) == "1001");
  CHECK(doc["advancedOptions"]["parentId"].GetInt64() == f.ids[0]);
  CHECK(doc["advancedOptions"]["mergedOrSplit"].GetBool());
  CHECK(doc["items"].Size() == 1);
  const auto parent = f.sim.get("/orders/" + std::to_string(f.ids[0])).json();
  CHECK(parent["advancedOptions"]["mergedOrSplit"].GetBool());
  CHECK(parent["advancedOptions"]["parentId"].IsNull());
  CHECK(parent["items"].Size() == 1);
}

TEST_CASE("a cancelled order is listed as cancelled") {
  FiveOrders f;
  f.sim.scenario().cancel_order(f.ids[1]);
  CHECK(order_ids(f.sim.get("/orders?orderStatus=cancelled")) == std::vector{f.ids[1]});
}

TEST_CASE("scenario steps that cannot apply say why") {
  FiveOrders f;
  CHECK_THROWS_WITH(f.sim.scenario().cancel_order(42), "order 42 does not exist");
  CHECK_THROWS_AS(f.sim.scenario().create_labels({f.ids[4]}), ml::shipstation_sim::ScenarioError);
}

TEST_CASE("an order created without a number continues after the store's highest number") {
  FiveOrders five;
  const auto id = five.sim.scenario().create_order(simple_order(five.sim.store(0), ""));
  CHECK(five.sim.scenario().order(id)->order_number == "2002");
  const auto other = five.sim.scenario().create_order(simple_order(five.sim.store(1), ""));
  CHECK(five.sim.scenario().order(other)->order_number == "1002");
}
