#pragma once
// A fresh schema per test (random suffix), dropped at the end, plus small database helpers.
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/connection>

#include "ml/store/migrations.hpp"

namespace ml::store::testing {

/// `prefix` followed by a random suffix, e.g. "st_4f9a0c1b2d3e"; also used for order numbers.
std::string unique_name(std::string_view prefix);

class TestSchema {
 public:
  /// Creates nothing yet: migrate() or prepare() creates the schema.
  TestSchema();
  ~TestSchema();
  TestSchema(const TestSchema&) = delete;
  TestSchema& operator=(const TestSchema&) = delete;

  const std::string& name() const { return name_; }
  /// The audit schema plus this schema's inbox/outbox and `extra` (a counter table by default).
  void prepare(const std::vector<Migration>& extra = counter_migrations());

  /// `counters(key text primary key, value int)`: a tiny state for exactly-once checks.
  static const std::vector<Migration>& counter_migrations();

 private:
  std::string name_;
};

/// Runs one statement with values on a fresh connection and returns the first column of its
/// single row as text (empty when NULL).
std::string query_value(const std::string& sql, const std::string& parameter = {});

/// Terminates the backend `pid` from another connection and waits until it is gone.
void terminate_backend(int pid);

/// The embedded form of tests/migrations (generated at build time).
std::vector<Migration> embedded_test_migrations();

}  // namespace ml::store::testing
