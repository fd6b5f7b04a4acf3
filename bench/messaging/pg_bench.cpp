#include <unistd.h>

#include <pqxx/nontransaction>

#include "bench.hpp"
#include "ml/store/store.hpp"

namespace ml::bench {
namespace {

using Clock = std::chrono::steady_clock;

const std::vector<store::Migration>& bench_tables() {
  static const std::vector<store::Migration> migrations{
      {1, "create_state", "CREATE TABLE state (message_id text PRIMARY KEY, value integer NOT NULL);"},
      {2, "create_bare", "CREATE TABLE bare (message_id text PRIMARY KEY, value integer NOT NULL);"}};
  return migrations;
}

/// A schema of its own, dropped at the end.
class ScratchSchema {
 public:
  explicit ScratchSchema(store::ConnectionPool& pool)
      : pool_(pool), name_("bench_messaging_" + std::to_string(::getpid())) {
    auto lease = pool_.acquire();
    store::prepare_service_schema(*lease, name_, bench_tables());
  }
  ~ScratchSchema() {
    auto lease = pool_.acquire();
    pqxx::nontransaction tx(*lease);
    tx.exec0("DROP SCHEMA IF EXISTS " + store::quoted_schema(name_) + " CASCADE");
  }
  const std::string& name() const { return name_; }

 private:
  store::ConnectionPool& pool_;
  std::string name_;
};

}  // namespace

std::vector<Figure> measure_pg(const Settings& settings) {
  store::ConnectionPool pool(settings.pg_url, 2);
  ScratchSchema schema(pool);
  const std::string quoted = store::quoted_schema(schema.name());
  Figure figure{"inbox -> state -> outbox transaction (process_message)", "tx/s"};

  auto start = Clock::now();
  for (std::size_t i = 0; i < settings.count; ++i) {
    const std::string id = "m-" + std::to_string(i);
    store::process_message(pool, schema.name(), "bench", id, [&](pqxx::work& tx) {
      tx.exec_params0("INSERT INTO " + quoted + ".state (message_id, value) VALUES ($1, $2)", id, static_cast<int>(i));
      store::outbox_add(tx, schema.name(), {"out-" + id, "bench.done", R"({"bench":true})", {}});
    });
  }
  figure.ours = per_second(settings.count, Clock::now() - start);

  auto lease = pool.acquire();
  start = Clock::now();
  for (std::size_t i = 0; i < settings.count; ++i) {
    pqxx::work tx(*lease);
    tx.exec_params0("INSERT INTO " + quoted + ".bare (message_id, value) VALUES ($1, $2)", "m-" + std::to_string(i),
                    static_cast<int>(i));
    tx.commit();
  }
  figure.baseline = per_second(settings.count, Clock::now() - start);
  return {figure};
}

}  // namespace ml::bench
