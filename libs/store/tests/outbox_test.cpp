#include <catch2/catch.hpp>

#include <mutex>
#include <thread>

#include <pqxx/pqxx>

#include "ml/store/store.hpp"
#include "ml/testing/environment.hpp"
#include "test_schema.hpp"

using namespace ml::store;
using ml::store::testing::query_value;
using ml::store::testing::TestSchema;

namespace {

OutboxMessage message(int n) {
  return {"m" + std::to_string(n), "order.changed", R"({"n":)" + std::to_string(n) + "}",
          {{"type", "order.changed"}, {"n", std::to_string(n)}}};
}

void add_messages(ConnectionPool& pool, const TestSchema& schema, int from, int to) {
  auto lease = pool.acquire();
  pqxx::work tx(*lease);
  for (int n = from; n <= to; ++n) outbox_add(tx, schema.name(), message(n));
  tx.commit();
}

// Records every message id it is handed, in publish order.
struct RecordingBroker {
  std::mutex mutex;
  std::vector<std::string> published;
  OutboxRelay::PublishConfirmed publisher() {
    return [this](const std::vector<OutboxMessage>& batch) {
      std::lock_guard lock(mutex);
      for (const auto& m : batch) published.push_back(m.message_id);
    };
  }
};

std::vector<std::string> ids(int from, int to) {
  std::vector<std::string> out;
  for (int n = from; n <= to; ++n) out.push_back("m" + std::to_string(n));
  return out;
}

}  // namespace

TEST_CASE("outbox rows written in a rolled-back transaction are never relayed") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  {
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    outbox_add(tx, schema.name(), message(1));
    tx.abort();
  }
  RecordingBroker broker;
  OutboxRelay relay(pool, schema.name(), broker.publisher());
  CHECK(relay.relay_batch(10) == 0);
  CHECK(broker.published.empty());
}

TEST_CASE("the relay publishes in seq order with headers intact and marks the rows sent") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  add_messages(pool, schema, 1, 5);
  std::vector<OutboxMessage> seen;
  OutboxRelay relay(pool, schema.name(), [&](const std::vector<OutboxMessage>& batch) {
    seen.insert(seen.end(), batch.begin(), batch.end());
  });
  CHECK(relay.relay_batch(3) == 3);
  CHECK(relay.relay_batch(3) == 2);
  CHECK(relay.relay_batch(3) == 0);
  REQUIRE(seen.size() == 5);
  for (int n = 1; n <= 5; ++n) {
    CHECK(seen[n - 1].message_id == message(n).message_id);
    CHECK(seen[n - 1].routing_key == "order.changed");
    CHECK(seen[n - 1].body == message(n).body);
    CHECK(seen[n - 1].headers == message(n).headers);
  }
  auto lease = pool.acquire();
  CHECK(outbox_pending(*lease, schema.name()) == 0);
}

TEST_CASE("after a failed publish the rows stay unsent with the error recorded and go first next time") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  add_messages(pool, schema, 1, 3);
  bool broker_up = false;
  std::vector<std::string> published;
  OutboxRelay relay(pool, schema.name(), [&](const std::vector<OutboxMessage>& batch) {
    if (!broker_up) throw std::runtime_error("broker did not confirm: connection reset");
    for (const auto& m : batch) published.push_back(m.message_id);
  });
  CHECK_THROWS_WITH(relay.relay_batch(2), "broker did not confirm: connection reset");
  const std::string table = "\"" + schema.name() + "\".outbox";
  CHECK(query_value("SELECT string_agg(attempts::text || ':' || coalesce(last_error, '-'), ',' ORDER BY seq) FROM " +
                    table) == "1:broker did not confirm: connection reset,1:broker did not confirm: "
                              "connection reset,0:-");
  CHECK(query_value("SELECT count(*) FROM " + table + " WHERE sent_at IS NULL") == "3");

  broker_up = true;
  CHECK(relay.relay_batch(2) == 2);
  CHECK(relay.relay_batch(2) == 1);
  CHECK(published == ids(1, 3));
}

TEST_CASE("two relays running at once never send a message twice and keep the order") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 4);
  constexpr int total = 200;
  add_messages(pool, schema, 1, total);
  RecordingBroker broker;
  auto drain = [&] {
    OutboxRelay relay(pool, schema.name(), broker.publisher());
    auto lease = pool.acquire();
    while (outbox_pending(*lease, schema.name()) > 0) relay.relay_batch(7);
  };
  std::thread a(drain);
  std::thread b(drain);
  a.join();
  b.join();
  CHECK(broker.published == ids(1, total));
}

TEST_CASE("sent outbox rows older than the cut-off are deleted, unsent ones are kept") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  add_messages(pool, schema, 1, 3);
  OutboxRelay relay(pool, schema.name(), [](const std::vector<OutboxMessage>&) {});
  CHECK(relay.relay_batch(2) == 2);
  auto lease = pool.acquire();
  pqxx::work tx(*lease);
  tx.exec0("UPDATE \"" + schema.name() + "\".outbox SET sent_at = now() - interval '2 days' WHERE sent_at IS NOT NULL");
  CHECK(outbox_delete_sent(tx, schema.name(), std::chrono::hours(24)) == 2);
  tx.commit();
  CHECK(outbox_pending(*lease, schema.name()) == 1);
}
