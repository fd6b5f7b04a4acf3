#include "test_schema.hpp"

#include <random>

#include <pqxx/nontransaction>

#include "ml/testing/environment.hpp"

namespace ml::store::testing {

std::string unique_name(std::string_view prefix) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::string name(prefix);
  name += '_';
  for (int i = 0; i < 12; ++i) name += hex[random() % 16];
  return name;
}

TestSchema::TestSchema() : name_(unique_name("st")) {}

TestSchema::~TestSchema() {
  try {
    pqxx::connection connection(ml::testing::pg_url());
    pqxx::nontransaction tx(connection);
    tx.exec0("DROP SCHEMA IF EXISTS \"" + name_ + "\" CASCADE");
  } catch (const std::exception&) {
    // A test that broke the server leaves the schema behind; its random name harms no one.
  }
}

void TestSchema::prepare(const std::vector<Migration>& extra) {
  pqxx::connection connection(ml::testing::pg_url());
  prepare_service_schema(connection, name_, extra);
}

const std::vector<Migration>& TestSchema::counter_migrations() {
  static const std::vector<Migration> migrations{
      {1, "create_counters", "CREATE TABLE counters (key text PRIMARY KEY, value integer NOT NULL);"}};
  return migrations;
}

std::string query_value(const std::string& sql, const std::string& parameter) {
  pqxx::connection connection(ml::testing::pg_url());
  pqxx::nontransaction tx(connection);
  const auto row = parameter.empty() ? tx.exec1(sql) : tx.exec_params1(sql, parameter);
  return row[0].is_null() ? std::string() : row[0].as<std::string>();
}

void terminate_backend(int pid) {
  pqxx::connection connection(ml::testing::pg_url());
  pqxx::nontransaction tx(connection);
  tx.exec_params1("SELECT pg_terminate_backend($1, 5000)", pid);
}

}  // namespace ml::store::testing
