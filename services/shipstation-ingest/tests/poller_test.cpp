// The poller: backfill, watermarks with overlap, one replica per API key, and 429 storms.
#include <catch2/catch.hpp>

#include "ingest_fixture.hpp"
#include "ml/shipstation_ingest/poll_lock.hpp"

using namespace ingest_test;
using ingest::PollOutcome;

namespace {

constexpr int kMonthOrders = 300;

sim::SimOptions month() {
  sim::SimOptions options;
  options.month = sim::GeneratorOptions{.seed = 7, .orders = kMonthOrders};
  return options;
}

// The generated March is over; its last actions lie well before this.
const auto kAfterMonth = utc("2026-04-03T12:00:00Z");

std::set<std::int64_t> all_orders(Harness& h) {
  std::set<std::int64_t> ids;
  h.scenario().inspect([&](const sim::Account& a) {
    for (const auto& [id, order] : a.orders) ids.insert(id);
  });
  return ids;
}

std::size_t label_count(Harness& h) {
  std::size_t n = 0;
  h.scenario().inspect([&](const sim::Account& a) { n = a.shipments.size(); });
  return n;
}

}  // namespace

TEST_CASE("the first poll backfills every order of the month exactly once, one batch per page") {
  Harness h(month(), kAfterMonth);
  auto poller = h.poller();
  CHECK(poller->run_once() == PollOutcome::polled);
  const auto p = h.published();
  const auto expected = all_orders(h);
  CHECK(p.orders.size() == expected.size());
  CHECK(p.distinct_order_ids() == expected);
  std::size_t order_batches = 0;
  for (const auto& b : p.batches) {
    CHECK(b.source == ml::messages::BatchSource::poll);
    CHECK(b.window_start);
    if (b.orders_fetched > 0) ++order_batches;
  }
  CHECK(order_batches == (expected.size() + 99) / 100);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".watermarks") == 4);
}

TEST_CASE("the backfill publishes every label once, in its current state, and marks-as-shipped as fulfillments") {
  Harness h(month(), kAfterMonth);
  h.poller()->run_once();
  const auto p = h.published();
  std::set<std::int64_t> labels;
  std::size_t label_messages = 0, voided = 0, fulfillments = 0;
  for (const auto& s : p.shipments) {
    if (s.source == ml::messages::ShipmentSource::fulfillment) {
      ++fulfillments;
      continue;
    }
    labels.insert(s.shipment_id);
    ++label_messages;
    if (s.voided) ++voided;
  }
  CHECK(labels.size() == label_count(h));
  CHECK(label_messages == labels.size());
  CHECK(voided > 0);
  CHECK(fulfillments > 0);
}

TEST_CASE("a later poll re-reads the overlap but publishes only new versions") {
  Harness h(month(), kAfterMonth);
  auto poller = h.poller();
  poller->run_once();
  const auto before = h.published().orders.size();
  h.clock().advance(std::chrono::minutes(5));
  h.poller()->run_once();
  CHECK(h.published().orders.size() == before);
  const auto id = *all_orders(h).begin();
  h.scenario().edit_order(id, [](sim::Order& o) { o.internal_notes = "call first"; });
  h.clock().advance(std::chrono::minutes(5));
  poller->run_once();
  const auto p = h.published();
  REQUIRE(p.orders.size() == before + 1);
  CHECK(p.orders.back().order_id == id);
}

TEST_CASE("a label voided after it was published is published again as voided") {
  Harness h(month(), kAfterMonth);
  auto poller = h.poller();
  poller->run_once();
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  const auto batch = h.scenario().create_labels({id});
  h.clock().advance(std::chrono::minutes(5));
  poller->run_once();
  h.scenario().void_label(batch.shipment_ids.at(0));
  h.clock().advance(std::chrono::minutes(5));
  poller->run_once();
  std::size_t versions = 0;
  for (const auto& s : h.published().shipments)
    if (s.shipment_id == batch.shipment_ids.at(0)) ++versions;
  CHECK(versions == 2);
}

TEST_CASE("while another replica holds the API key's poll lock, a poller requests nothing") {
  Harness h(month(), kAfterMonth);
  ingest::PollLock other_replica(h.pool(), ingest::api_key_id("ShipStation"));
  REQUIRE(other_replica.try_acquire());
  auto poller = h.poller();
  CHECK(poller->run_once() == PollOutcome::locked_out);
  CHECK(h.sim().counters().requests.empty());
  CHECK(h.published().orders.empty());
  other_replica.release();
  CHECK(poller->run_once() == PollOutcome::polled);
  CHECK(h.published().distinct_order_ids() == all_orders(h));
}

TEST_CASE("two pollers on one API key take turns, never both at once") {
  Harness h(month(), kAfterMonth);
  auto a = h.poller();
  auto b = h.poller();
  ingest::PollLock probe(h.pool(), ingest::api_key_id("ShipStation"));
  CHECK(a->run_once() == PollOutcome::polled);
  REQUIRE(probe.try_acquire());  // a released its lock after the run
  CHECK(b->run_once() == PollOutcome::locked_out);
  probe.release();
  CHECK(b->run_once() == PollOutcome::polled);
  const auto p = h.published();
  CHECK(p.orders.size() == all_orders(h).size());
}

TEST_CASE("a 429 storm during the backfill loses nothing: the window is polled again") {
  Harness h(month(), kAfterMonth);
  auto poller = h.poller(2);
  h.scenario().inject_429(30);
  for (int i = 0; i < 10 && h.count("SELECT count(*) FROM " + h.schema() + ".watermarks") < 4; ++i) {
    poller->run_once();
    h.clock().advance(std::chrono::minutes(1));
  }
  CHECK(h.sim().counters().rate_limited == 30);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".watermarks") == 4);
  const auto p = h.published();
  CHECK(p.orders.size() == all_orders(h).size());
  CHECK(p.distinct_order_ids() == all_orders(h));
}

TEST_CASE("an order ShipStation cannot render is recorded as skipped while every other order is published") {
  Harness h(month(), kAfterMonth);
  const auto poisoned = *all_orders(h).rbegin();
  h.scenario().poison_order(poisoned);
  h.poller()->run_once();
  auto expected = all_orders(h);
  expected.erase(poisoned);
  CHECK(h.published().distinct_order_ids() == expected);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".skipped_records WHERE record_kind = 'unreadable'") == 1);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".watermarks WHERE stream = 'orders_modified'") == 1);
}
