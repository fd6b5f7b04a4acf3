#include "messaging_fixture.hpp"

#include <unistd.h>

#include <pqxx/nontransaction>

#include "ml/testing/environment.hpp"

namespace ml::messaging_tests {
namespace {

std::string unique_schema(const std::string& what) {
  static std::atomic<int> counter{0};
  return "msgtest_" + what + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

const std::vector<store::Migration>& applied_table() {
  static const std::vector<store::Migration> migrations{
      {1, "create_applied", "CREATE TABLE applied (message_id text NOT NULL, applied_at timestamptz DEFAULT now());"}};
  return migrations;
}

long count(store::ConnectionPool& pool, const std::string& sql, const std::string& parameter = {}) {
  auto lease = pool.acquire();
  pqxx::nontransaction tx(*lease);
  return (parameter.empty() ? tx.exec1(sql) : tx.exec_params1(sql, parameter))[0].as<long>();
}

}  // namespace

MiniService::MiniService(const std::string& what, std::size_t pool_size)
    : schema_(unique_schema(what)), scratch_(what, std::chrono::milliseconds(500)),
      pool_(ml::testing::pg_url(), pool_size) {
  auto lease = pool_.acquire();
  store::prepare_service_schema(*lease, schema_, applied_table());
}

MiniService::~MiniService() {
  try {
    auto lease = pool_.acquire();
    pqxx::nontransaction tx(*lease);
    tx.exec0("DROP SCHEMA IF EXISTS " + store::quoted_schema(schema_) + " CASCADE");
  } catch (const std::exception&) {
    // The schema name carries this run's pid; a broken database is reported by the test itself.
  }
}

void MiniService::fill_outbox(const std::string& prefix, int count) {
  constexpr int per_transaction = 1000;
  for (int first = 0; first < count; first += per_transaction) {
    auto lease = pool_.acquire();
    pqxx::work tx(*lease);
    for (int i = first; i < std::min(count, first + per_transaction); ++i) {
      const std::string id = prefix + "-" + std::to_string(i);
      store::outbox_add(tx, schema_, {id, "test.event", R"({"n":)" + std::to_string(i) + "}", {{"x-test", prefix}}});
    }
    tx.commit();
  }
}

void MiniService::relay_all(bus::Publisher& publisher, std::size_t batch) {
  store::OutboxRelay relay(pool_, schema_, publish_through(publisher));
  while (relay.relay_batch(batch) > 0) {
  }
}

store::ProcessOutcome MiniService::apply(const bus::Delivery& delivery, bool audit) {
  const auto outcome = store::process_message(pool_, schema_, "messaging-test", delivery.message_id, [&](pqxx::work& tx) {
    tx.exec_params0("INSERT INTO " + store::quoted_schema(schema_) + ".applied (message_id) VALUES ($1)",
                    delivery.message_id);
    if (audit)
      store::audit_append(tx, {.order_number = delivery.message_id,
                               .service = schema_,
                               .kind = "test.applied",
                               .correlation_id = schema_,
                               .detail_json = R"({"source":"messaging_tests"})"});
  });
  if (outcome == store::ProcessOutcome::Applied) ++applied;
  if (outcome == store::ProcessOutcome::Duplicate) ++duplicates;
  return outcome;
}

bus::Handler MiniService::applying_handler() {
  return [this](const bus::Delivery& delivery) {
    if (apply(delivery) == store::ProcessOutcome::InDoubt) return bus::HandlerResult::retry_later("commit in doubt");
    return bus::HandlerResult::ack();
  };
}

long MiniService::applied_rows() { return count(pool_, "SELECT count(*) FROM " + store::quoted_schema(schema_) + ".applied"); }

long MiniService::distinct_applied() {
  return count(pool_, "SELECT count(DISTINCT message_id) FROM " + store::quoted_schema(schema_) + ".applied");
}

long MiniService::audit_rows() {
  return count(pool_, "SELECT count(*) FROM audit.events WHERE correlation_id = $1", schema_);
}

bus::ConsumerOptions test_consumer_options() {
  bus::ConsumerOptions options;
  options.prefetch = 50;
  options.poll_interval = std::chrono::milliseconds(50);
  options.reconnect = {std::chrono::milliseconds(100), std::chrono::milliseconds(2000)};
  options.connection.connection_name = "messaging_tests consumer";
  return options;
}

bus::PublisherOptions test_publisher_options(const bus::Topology& topology) {
  bus::PublisherOptions options;
  options.topology = topology;
  options.reconnect = {std::chrono::milliseconds(100), std::chrono::milliseconds(2000)};
  options.connection.connection_name = "messaging_tests publisher";
  return options;
}

}  // namespace ml::messaging_tests
