#include <algorithm>
#include <map>

#include <pqxx/pqxx>

#include "lock_keys.hpp"
#include "ml/store/migrations.hpp"
#include "ml/store/schema_name.hpp"

namespace ml::store {

namespace {

struct Recorded {
  std::string name;
  std::string checksum;
};

void lock_schema(pqxx::work& tx, const std::string& schema) {
  tx.exec_params("SELECT pg_advisory_xact_lock($1, hashtext($2))", lock_keys::migrate, schema);
}

void ensure_history_table(pqxx::connection& connection, const std::string& schema,
                          const std::string& quoted) {
  pqxx::work tx(connection);
  lock_schema(tx, schema);
  tx.exec0("CREATE SCHEMA IF NOT EXISTS " + quoted);
  tx.exec0("CREATE TABLE IF NOT EXISTS " + quoted +
           ".schema_migrations ("
           " set_name text NOT NULL,"
           " version integer NOT NULL,"
           " name text NOT NULL,"
           " checksum text NOT NULL,"
           " applied_at timestamptz NOT NULL DEFAULT now(),"
           " PRIMARY KEY (set_name, version))");
  tx.commit();
}

std::map<int, Recorded> recorded_migrations(pqxx::work& tx, const std::string& quoted,
                                            std::string_view set_name) {
  std::map<int, Recorded> recorded;
  const auto rows = tx.exec_params(
      "SELECT version, name, checksum FROM " + quoted + ".schema_migrations WHERE set_name = $1",
      std::string(set_name));
  for (const auto& row : rows)
    recorded[row[0].as<int>()] = {row[1].as<std::string>(), row[2].as<std::string>()};
  return recorded;
}

void check_set(const std::vector<Migration>& migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version <= 0)
      throw MigrationError("migration " + migrations[i].name + " has version " +
                           std::to_string(migrations[i].version) + "; versions start at 1");
    if (i > 0 && migrations[i].version <= migrations[i - 1].version)
      throw MigrationError("migrations must be given in increasing version order without repeats: V" +
                           std::to_string(migrations[i].version) + " " + migrations[i].name +
                           " follows V" + std::to_string(migrations[i - 1].version));
  }
}

// Returns true when this call applied the migration; another replica may have done it first.
bool apply_one(pqxx::connection& connection, const std::string& schema, const std::string& quoted,
               std::string_view set_name, const Migration& migration) {
  pqxx::work tx(connection);
  lock_schema(tx, schema);
  const auto recorded = recorded_migrations(tx, quoted, set_name);
  const std::string checksum = migration_checksum(migration.sql);
  if (const auto found = recorded.find(migration.version); found != recorded.end()) {
    if (found->second.checksum != checksum)
      throw MigrationChanged(schema, migration.version, migration.name, found->second.checksum,
                             checksum);
    return false;
  }
  if (!recorded.empty() && recorded.rbegin()->first > migration.version)
    throw MigrationError("schema " + schema + ": migration V" + std::to_string(migration.version) +
                         " " + migration.name + " is pending but V" +
                         std::to_string(recorded.rbegin()->first) +
                         " is already applied; give it a version above every applied one");
  tx.exec0("SET LOCAL search_path TO " + quoted + ", public");
  try {
    tx.exec(migration.sql);
  } catch (const pqxx::sql_error& e) {
    throw MigrationError("schema " + schema + ": migration V" + std::to_string(migration.version) +
                         " " + migration.name + " failed: " + e.what());
  }
  tx.exec_params0("INSERT INTO " + quoted +
                      ".schema_migrations (set_name, version, name, checksum) VALUES ($1, $2, $3, $4)",
                  std::string(set_name), migration.version, migration.name, checksum);
  tx.commit();
  return true;
}

}  // namespace

MigrationChanged::MigrationChanged(std::string schema_, int version_, std::string name_,
                                   std::string recorded_checksum_, std::string current_checksum_)
    : MigrationError("schema " + schema_ + ": applied migration V" + std::to_string(version_) + " " +
                     name_ + " was edited after it was applied (recorded SHA-256 " +
                     recorded_checksum_ + ", current " + current_checksum_ +
                     "); refusing to start: restore its text and add a new migration instead"),
      schema(std::move(schema_)),
      version(version_),
      name(std::move(name_)),
      recorded_checksum(std::move(recorded_checksum_)),
      current_checksum(std::move(current_checksum_)) {}

std::vector<int> migrate(pqxx::connection& connection, std::string schema,
                         const std::vector<Migration>& migrations, std::string_view set_name) {
  const std::string quoted = quoted_schema(schema);
  check_set(migrations);
  ensure_history_table(connection, schema, quoted);
  std::vector<int> applied;
  for (const auto& migration : migrations)
    if (apply_one(connection, schema, quoted, set_name, migration)) applied.push_back(migration.version);
  return applied;
}

void prepare_service_schema(pqxx::connection& connection, const std::string& schema,
                            const std::vector<Migration>& service_migrations) {
  migrate(connection, "audit", audit_migrations(), "ml.store");
  migrate(connection, schema, messaging_migrations(), "ml.store");
  migrate(connection, schema, service_migrations);
}

}  // namespace ml::store
