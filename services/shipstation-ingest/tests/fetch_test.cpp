// The worker fetches stored notifications and publishes each new version once.
#include <catch2/catch.hpp>

#include "broker_fixture.hpp"
#include "ingest_fixture.hpp"
#include "ml/bus/connection.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/testing/environment.hpp"

using namespace ingest_test;

namespace {

std::string import_url(Harness& h, std::int64_t order_id, const std::string& extra = "") {
  return h.sim_url() + "/orders?importBatch=" + h.import_batch_of(order_id) + extra;
}

}  // namespace

TEST_CASE("fetching an ORDER_NOTIFY publishes each order and one ss.batch.received listing them") {
  Harness h;
  const auto ids = h.scenario().create_orders({simple_order(h.first_store()), simple_order(h.first_store())});
  REQUIRE(h.notify(import_url(h, ids[0])).status == 200);
  h.drain_worker();
  const auto p = h.published();
  REQUIRE(p.orders.size() == 2);
  REQUIRE(p.batches.size() == 1);
  CHECK(p.batches[0].source == ml::messages::BatchSource::webhook);
  CHECK(p.batches[0].resource_url == import_url(h, ids[0]));
  CHECK(p.batches[0].order_ids == ids);
  CHECK(p.batches[0].orders_fetched == 2);
  CHECK(p.orders[0].batch_id == p.batches[0].batch_id);
  CHECK(p.orders[0].items.at(0).unit_price.to_string() == "24.95");
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications WHERE state = 'fetched'") == 1);
}

TEST_CASE("an order version already published is not published again") {
  Harness h;
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  REQUIRE(h.notify(import_url(h, id)).status == 200);
  REQUIRE(h.notify(import_url(h, id, "&storeID=" + std::to_string(h.first_store()))).status == 200);
  h.drain_worker();
  const auto p = h.published();
  CHECK(p.orders.size() == 1);
  REQUIRE(p.batches.size() == 2);
  CHECK(p.batches[1].orders_fetched == 1);
  CHECK(p.batches[1].order_ids.empty());
}

TEST_CASE("an edited order is published again as its new version") {
  Harness h;
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  REQUIRE(h.notify(import_url(h, id)).status == 200);
  h.drain_worker();
  h.clock().advance(std::chrono::minutes(3));
  h.scenario().edit_order(id, [](sim::Order& o) { o.internal_notes = "gift wrap"; });
  REQUIRE(h.notify(import_url(h, id, "&page=1")).status == 200);
  h.drain_worker();
  const auto p = h.published();
  REQUIRE(p.orders.size() == 2);
  CHECK(p.orders[0].modify_date < p.orders[1].modify_date);
}

TEST_CASE("fetching a SHIP_NOTIFY publishes the labels with their items") {
  Harness h;
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  const auto batch = h.scenario().create_labels({id});
  REQUIRE(h.notify(h.sim_url() + "/shipments?batchId=" + std::to_string(batch.batch_id) + "&includeShipmentItems=False",
                   "SHIP_NOTIFY")
              .status == 200);
  h.drain_worker();
  const auto p = h.published();
  REQUIRE(p.shipments.size() == 1);
  CHECK(p.shipments[0].order_id == id);
  REQUIRE(p.shipments[0].shipment_items);
  CHECK(p.shipments[0].shipment_items->size() == 1);
  REQUIRE(p.batches.size() == 1);
  CHECK(p.batches[0].shipment_ids == batch.shipment_ids);
}

TEST_CASE("a 429 storm during fetches is survived without losing anything") {
  Harness h;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(h.scenario().create_order(simple_order(h.first_store())));
  for (const auto id : ids) REQUIRE(h.notify(import_url(h, id)).status == 200);
  h.scenario().inject_429(40);
  h.drain_worker(200);
  const auto p = h.published();
  CHECK(h.sim().counters().rate_limited == 40);
  CHECK(p.orders.size() == ids.size());
  CHECK(p.distinct_order_ids() == std::set<std::int64_t>(ids.begin(), ids.end()));
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications WHERE state = 'fetched'") == 5);
}

TEST_CASE("a resource listing nothing is fetched into an empty batch; a path that lists nothing known is refused") {
  Harness h;
  REQUIRE(h.notify(h.sim_url() + "/orders/list/nothing-here?importBatch=x").status == 400);
  REQUIRE(h.notify(h.sim_url() + "/orders?importBatch=unknown-batch").status == 200);
  h.drain_worker();
  const auto p = h.published();
  CHECK(p.orders.empty());
  REQUIRE(p.batches.size() == 1);
  CHECK(p.batches[0].orders_fetched == 0);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications WHERE state = 'fetched'") == 1);
}

TEST_CASE("published messages reach RabbitMQ through the outbox relay") {
  Harness h;
  ml::bus::testing::ScratchTopology topology("ingest", std::chrono::seconds(5), {"ss.#"});
  {
    auto connection = ml::bus::Connection::open(ml::bus::testing::broker_url(), {});
    ml::bus::declare(connection, topology.topology());
  }
  ml::core::ConfigReader config([](const std::string& key) -> std::optional<std::string> {
    if (key == "ML_PG_URL") return ml::testing::pg_url();
    if (key == "ML_AMQP_URL") return ml::testing::amqp_url();
    return std::nullopt;
  });
  const auto settings = ml::service::read_service_settings(config);
  std::ostringstream log_text;
  ml::core::Logger log("relay", &log_text);
  ml::service::OutboxRelayLoop relay(settings, h.pool(), h.schema(), log, topology.topology());
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  REQUIRE(h.notify(import_url(h, id)).status == 200);
  h.drain_worker();
  relay.poke();
  const auto first = ml::bus::testing::take_one(topology.queue(), std::chrono::seconds(10));
  REQUIRE(first);
  CHECK(first->routing_key == "ss.order.changed");
  const auto second = ml::bus::testing::take_one(topology.queue(), std::chrono::seconds(10));
  REQUIRE(second);
  CHECK(second->routing_key == "ss.batch.received");
  relay.stop();
}

TEST_CASE("a resource the API refuses marks the notification failed with the error, without retries") {
  Harness h;
  REQUIRE(h.notify(h.sim_url() + "/orders?orderDateStart=yesterday-ish").status == 200);
  h.drain_worker();
  CHECK(h.count("SELECT count(*) FROM " + h.schema() +
                ".notifications WHERE state = 'failed' AND attempts = 1 "
                "AND last_error LIKE 'client_error:%orderDateStart%'") == 1);
  CHECK(h.count("SELECT count(*) FROM audit.events WHERE kind = 'webhook.fetch_failed' AND detail->>'error' LIKE "
                "'client_error:%orderDateStart%'") >= 1);
  CHECK(h.published().batches.empty());
}
