#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include <pqxx/pqxx>

#include "ml/store/migrations.hpp"
#include "ml/store/schema_name.hpp"
#include "ml/testing/environment.hpp"
#include "test_schema.hpp"

using namespace ml::store;
using ml::store::testing::TestSchema;
using ml::store::testing::query_value;

namespace {

const std::filesystem::path test_migrations_dir =
    std::filesystem::path(__FILE__).parent_path() / "migrations";

std::vector<Migration> widgets() { return load_migrations(test_migrations_dir); }

std::string applied_count(const TestSchema& schema) {
  return query_value("SELECT count(*) FROM \"" + schema.name() + "\".schema_migrations");
}

}  // namespace

TEST_CASE("applying the same migrations twice is a no-op") {
  TestSchema schema;
  pqxx::connection connection(ml::testing::pg_url());
  CHECK(migrate(connection, schema.name(), widgets()) == std::vector<int>{1, 2});
  CHECK(migrate(connection, schema.name(), widgets()).empty());
  CHECK(applied_count(schema) == "2");
  CHECK(query_value("SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 "
                    "AND table_name = 'widgets'",
                    schema.name()) == "3");
}

TEST_CASE("an applied migration whose text was edited is refused, naming both checksums") {
  TestSchema schema;
  pqxx::connection connection(ml::testing::pg_url());
  auto migrations = widgets();
  migrate(connection, schema.name(), migrations);
  const std::string recorded = migration_checksum(migrations[1].sql);
  migrations[1].sql += "-- edited\n";
  const std::string current = migration_checksum(migrations[1].sql);

  try {
    migrate(connection, schema.name(), migrations);
    FAIL("the edited migration was accepted");
  } catch (const MigrationChanged& e) {
    CHECK(e.schema == schema.name());
    CHECK(e.version == 2);
    CHECK(e.recorded_checksum == recorded);
    CHECK(e.current_checksum == current);
    const std::string message = e.what();
    for (const auto& part : {schema.name(), std::string("V2"), std::string("add_widget_colour"), recorded, current})
      CHECK_THAT(message, Catch::Contains(part));
  }
}

TEST_CASE("two replicas migrating at the same moment apply each migration once") {
  TestSchema schema;
  std::vector<int> first, second;
  auto run = [&](std::vector<int>& applied) {
    pqxx::connection connection(ml::testing::pg_url());
    applied = migrate(connection, schema.name(), widgets());
  };
  std::thread a(run, std::ref(first));
  std::thread b(run, std::ref(second));
  a.join();
  b.join();
  CHECK(first.size() + second.size() == 2);
  CHECK(applied_count(schema) == "2");
}

TEST_CASE("migration files are read from a folder of V<version>__<name>.sql files") {
  const auto migrations = widgets();
  REQUIRE(migrations.size() == 2);
  CHECK(migrations[0].version == 1);
  CHECK(migrations[0].name == "create_widgets");
  CHECK(migrations[1].version == 2);
  CHECK(migrations[1].name == "add_widget_colour");
}

TEST_CASE("migrations compiled into the binary equal the folder they came from") {
  const auto embedded = ml::store::testing::embedded_test_migrations();
  const auto loaded = widgets();
  REQUIRE(embedded.size() == loaded.size());
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    CHECK(embedded[i].version == loaded[i].version);
    CHECK(embedded[i].name == loaded[i].name);
    CHECK(migration_checksum(embedded[i].sql) == migration_checksum(loaded[i].sql));
  }
}

TEST_CASE("a migration file with a name not of the form V001__name.sql is refused by name") {
  for (const char* bad : {"create.sql", "V__x.sql", "V1_x.sql", "V0__x.sql", "V1__.sql", "V1__a-b.sql",
                          "V1__x.txt", "Vx__y.sql"})
    CHECK_THROWS_WITH(parse_migration_file({bad, "SELECT 1;"}), Catch::Contains(bad));
  CHECK_THROWS_WITH(parse_migration_files({{"V1__a.sql", ""}, {"V001__b.sql", ""}}),
                    Catch::Contains("two migrations have version 1"));
}

TEST_CASE("a pending migration numbered below an applied one is refused") {
  TestSchema schema;
  pqxx::connection connection(ml::testing::pg_url());
  migrate(connection, schema.name(), {{1, "one", "SELECT 1;"}, {3, "three", "SELECT 3;"}});
  CHECK_THROWS_WITH(migrate(connection, schema.name(),
                            {{1, "one", "SELECT 1;"}, {2, "two", "SELECT 2;"}, {3, "three", "SELECT 3;"}}),
                    Catch::Contains("V2 two is pending but V3 is already applied"));
}

TEST_CASE("a failing migration is reported with its schema and version and the ones before stay applied") {
  TestSchema schema;
  pqxx::connection connection(ml::testing::pg_url());
  auto migrations = widgets();
  migrations.push_back({3, "broken", "ALTER TABLE no_such_table ADD COLUMN x int;"});
  CHECK_THROWS_WITH(migrate(connection, schema.name(), migrations),
                    Catch::Contains(schema.name()) && Catch::Contains("V3 broken failed") &&
                        Catch::Contains("no_such_table"));
  CHECK(applied_count(schema) == "2");
}

TEST_CASE("a service schema gets inbox, outbox and the shared append-only audit trail") {
  TestSchema schema;
  schema.prepare();
  for (const char* table : {"inbox", "outbox", "counters", "schema_migrations"})
    CHECK(query_value("SELECT to_regclass($1)::text", schema.name() + "." + table) ==
          schema.name() + "." + table);
  CHECK(query_value("SELECT to_regclass('audit.events')::text") == "audit.events");
}

TEST_CASE("schema names that are not plain lower-case identifiers are refused") {
  CHECK(is_valid_schema_name("reconciler"));
  CHECK(is_valid_schema_name("_x9"));
  for (const char* bad : {"", "Reconciler", "9lives", "a-b", "a;drop schema audit", "a\"b",
                          "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234"})
    CHECK_THROWS_AS(quoted_schema(bad), std::invalid_argument);
  pqxx::connection connection(ml::testing::pg_url());
  CHECK_THROWS_WITH(migrate(connection, "bad name", {}), Catch::Contains("invalid PostgreSQL schema name"));
}
