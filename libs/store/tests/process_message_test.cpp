#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

#include <pqxx/pqxx>

#include "ml/store/store.hpp"
#include "ml/testing/environment.hpp"
#include "test_schema.hpp"

using namespace ml::store;
using ml::store::testing::query_value;
using ml::store::testing::TestSchema;
using ml::store::testing::unique_name;

namespace {

constexpr std::string_view consumer = "reconciler.ss-orders";

// The state change a message causes: bump a counter, queue a message, append an audit event.
std::function<void(pqxx::work&)> bump(const TestSchema& schema, const std::string& order) {
  return [&schema, order](pqxx::work& tx) {
    tx.exec_params0("INSERT INTO \"" + schema.name() +
                        "\".counters VALUES ($1, 1) ON CONFLICT (key) DO UPDATE SET value = counters.value + 1",
                    order);
    outbox_add(tx, schema.name(), {unique_name("msg"), "order.counted", "{}", {}});
    audit_append(tx, {order, "store-tests", "order.counted", "", "{}", {}});
  };
}

std::string counter(const TestSchema& schema, const std::string& order) {
  return query_value("SELECT (SELECT value FROM \"" + schema.name() + "\".counters WHERE key = $1)", order);
}

std::string audit_rows(const std::string& order) {
  return query_value("SELECT count(*) FROM audit.events WHERE order_number = $1", order);
}

}  // namespace

TEST_CASE("the same message id processed twice changes state once and writes one audit row") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");

  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Duplicate);
  CHECK(counter(schema, order) == "1");
  CHECK(audit_rows(order) == "1");
  CHECK(query_value("SELECT count(*) FROM \"" + schema.name() + "\".outbox") == "1");
}

TEST_CASE("the same message id seen by another consumer is processed again") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 1);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  CHECK(process_message(pool, schema.name(), "first", message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(process_message(pool, schema.name(), "second", message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(counter(schema, order) == "2");
}

TEST_CASE("an exception from apply rolls back the claim too, so the redelivery applies") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 1);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  auto failing = [&](pqxx::work& tx) {
    bump(schema, order)(tx);
    throw std::runtime_error("customer not found");
  };
  CHECK_THROWS_WITH(process_message(pool, schema.name(), consumer, message_id, failing),
                    "customer not found");
  CHECK(counter(schema, order).empty());
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(counter(schema, order) == "1");
  CHECK(audit_rows(order) == "1");
}

TEST_CASE("a connection killed during apply leaves no state and the redelivery applies once") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 1);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  auto killed_midway = [&](pqxx::work& tx) {
    bump(schema, order)(tx);
    ml::store::testing::terminate_backend(tx.conn().backendpid());
    tx.exec0("SELECT 1");
  };
  CHECK_THROWS_AS(process_message(pool, schema.name(), consumer, message_id, killed_midway),
                  pqxx::broken_connection);
  CHECK(counter(schema, order).empty());
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Duplicate);
  CHECK(counter(schema, order) == "1");
  CHECK(audit_rows(order) == "1");
}

TEST_CASE("a connection lost while committing is InDoubt, and the redelivery settles it once") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 1);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  auto killed_before_commit = [&](pqxx::work& tx) {
    bump(schema, order)(tx);
    ml::store::testing::terminate_backend(tx.conn().backendpid());
  };
  CHECK(process_message(pool, schema.name(), consumer, message_id, killed_before_commit) ==
        ProcessOutcome::InDoubt);
  CHECK(pool.replaced_connections() == 1);
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Applied);
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Duplicate);
  CHECK(counter(schema, order) == "1");
  CHECK(audit_rows(order) == "1");
}

TEST_CASE("a redelivery arriving while the first delivery is still running is a duplicate") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 2);
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  std::promise<void> claimed;
  auto slow = [&](pqxx::work& tx) {
    claimed.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    bump(schema, order)(tx);
  };
  auto first = std::async(std::launch::async, [&] {
    return process_message(pool, schema.name(), consumer, message_id, slow);
  });
  claimed.get_future().wait();
  CHECK(process_message(pool, schema.name(), consumer, message_id, bump(schema, order)) ==
        ProcessOutcome::Duplicate);
  CHECK(first.get() == ProcessOutcome::Applied);
  CHECK(counter(schema, order) == "1");
}

TEST_CASE("without a schema argument the inbox of the pool's schema is used") {
  TestSchema schema;
  schema.prepare();
  ConnectionPool pool(ml::testing::pg_url(), 1, {.acquire_timeout = std::chrono::seconds(5), .schema = schema.name()});
  const auto order = unique_name("order");
  const auto message_id = unique_name("msg");
  CHECK(process_message(pool, consumer, message_id, bump(schema, order)) == ProcessOutcome::Applied);
  CHECK(process_message(pool, consumer, message_id, bump(schema, order)) == ProcessOutcome::Duplicate);
  CHECK(query_value("SELECT count(*) FROM \"" + schema.name() + "\".inbox WHERE message_id = $1",
                    message_id) == "1");
}
