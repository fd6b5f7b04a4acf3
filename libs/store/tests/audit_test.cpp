#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include "ml/store/store.hpp"
#include "ml/testing/environment.hpp"
#include "test_schema.hpp"

using namespace ml::store;
using namespace std::chrono_literals;
using ml::store::testing::unique_name;

namespace {

using Clock = std::chrono::system_clock;

// audit.events is shared: each test appends under its own service name and order numbers.
struct AuditFixture {
  AuditFixture() {
    migrate(connection, "audit", audit_migrations(), "ml.store");
  }
  void append(const std::string& order, const std::string& kind, Clock::time_point at) {
    pqxx::work tx(connection);
    audit_append(tx, {order, service, kind, "corr-" + order, R"({"order":")" + order + R"("})", at});
    tx.commit();
  }
  std::vector<AuditEvent> query(AuditFilter filter) {
    filter.service = service;
    return audit_query(connection, filter);
  }
  std::vector<std::string> orders_of(const std::vector<AuditEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.order_number + "/" + e.kind);
    return out;
  }
  void expect_refused(const std::string& statement, const std::string& operation) {
    pqxx::work tx(connection);
    try {
      tx.exec0(statement);
      FAIL(operation + " was accepted");
    } catch (const pqxx::insufficient_privilege& e) {
      CHECK_THAT(e.what(), Catch::Contains("audit.events is append-only: " + operation + " refused"));
    }
  }

  pqxx::connection connection{ml::testing::pg_url()};
  std::string service = unique_name("svc");
  Clock::time_point t0 = std::chrono::floor<std::chrono::microseconds>(Clock::now()) - 1h;
};

}  // namespace

TEST_CASE_METHOD(AuditFixture, "audit events are found by order number, oldest first, with all fields") {
  append("A-1", "order.received", t0);
  append("A-2", "order.received", t0 + 1s);
  append("A-1", "order.validated", t0 + 2s);
  const auto events = query({.order_number = "A-1"});
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == "order.received");
  CHECK(events[0].service == service);
  CHECK(events[0].correlation_id == "corr-A-1");
  CHECK(events[0].detail_json == R"({"order": "A-1"})");
  CHECK(events[0].occurred_at == t0);
  CHECK(events[1].kind == "order.validated");
}

TEST_CASE_METHOD(AuditFixture, "audit events are found by time range, from inclusive and to exclusive") {
  append("A-1", "k", t0);
  append("A-2", "k", t0 + 1s);
  append("A-3", "k", t0 + 2s);
  CHECK(orders_of(query({.from = t0 + 1s, .to = t0 + 2s})) == std::vector<std::string>{"A-2/k"});
  CHECK(orders_of(query({.from = t0 + 1s})) == std::vector<std::string>{"A-2/k", "A-3/k"});
  CHECK(orders_of(query({.to = t0 + 1s})) == std::vector<std::string>{"A-1/k"});
}

TEST_CASE_METHOD(AuditFixture, "audit events are found by kind, and limit caps the answer") {
  append("A-1", "alert.raised", t0);
  append("A-2", "order.received", t0 + 1s);
  append("A-3", "alert.raised", t0 + 2s);
  CHECK(orders_of(query({.kind = "alert.raised"})) == std::vector<std::string>{"A-1/alert.raised", "A-3/alert.raised"});
  CHECK(orders_of(query({.kind = "alert.raised", .limit = 1})) == std::vector<std::string>{"A-1/alert.raised"});
}

TEST_CASE_METHOD(AuditFixture, "an audit event without a time is stamped by the database clock") {
  pqxx::work tx(connection);
  audit_append(tx, {"", service, "service.started", "", "", {}});
  tx.commit();
  const auto events = query({});
  REQUIRE(events.size() == 1);
  CHECK(events[0].order_number.empty());
  CHECK(events[0].detail_json == "{}");
  CHECK(events[0].occurred_at > Clock::now() - 1min);
}

TEST_CASE_METHOD(AuditFixture, "an audit event without service or kind, or with invalid JSON detail, is refused") {
  pqxx::work tx(connection);
  CHECK_THROWS_AS(audit_append(tx, {"A-1", "", "k", "", "{}", {}}), std::invalid_argument);
  CHECK_THROWS_AS(audit_append(tx, {"A-1", service, "", "", "{}", {}}), std::invalid_argument);
  CHECK_THROWS_AS(audit_append(tx, {"A-1", service, "k", "", "{not json", {}}), pqxx::data_exception);
}

TEST_CASE_METHOD(AuditFixture, "UPDATE of audit.events is refused by the database") {
  append("A-1", "k", t0);
  expect_refused("UPDATE audit.events SET kind = 'x' WHERE service = '" + service + "'", "UPDATE");
  CHECK(query({}).at(0).kind == "k");
}

TEST_CASE_METHOD(AuditFixture, "DELETE from audit.events is refused by the database") {
  append("A-1", "k", t0);
  expect_refused("DELETE FROM audit.events WHERE service = '" + service + "'", "DELETE");
  CHECK(query({}).size() == 1);
}

TEST_CASE_METHOD(AuditFixture, "TRUNCATE of audit.events is refused by the database") {
  append("A-1", "k", t0);
  expect_refused("TRUNCATE audit.events", "TRUNCATE");
  CHECK(query({}).size() == 1);
}
