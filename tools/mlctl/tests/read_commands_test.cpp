// mlctl's reading commands against a settled merchant month.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "populated_stack.hpp"

using mlctl_test::json_of;
using mlctl_test::mlctl;
using mlctl_test::query_column;
using mlctl_test::query_value;

namespace {

std::set<std::string> column(const rapidjson::Value& rows, const char* name) {
  std::set<std::string> values;
  for (const auto& row : rows.GetArray()) values.insert(row[name].GetString());
  return values;
}

}  // namespace

TEST_CASE("status shows the queues with their dead-letter queues, last poll, last session, orders and alerts") {
  const auto json = json_of(mlctl({"status", "--json"}));
  const auto queues = column(json["queues"], "queue");
  CHECK(queues.contains("reconciler.shipstation"));
  CHECK(queues.contains("reconciler.shipstation.dlq"));
  CHECK(json["last poll per API key"].Size() >= 1);
  CHECK(json["last QuickBooks Web Connector session"].Size() == 1);
  std::int64_t orders = 0;
  for (const auto& row : json["orders by state"].GetArray()) orders += std::stoll(row["orders"].GetString());
  CHECK(orders == std::stoll(query_value("SELECT count(*) FROM reconciler.orders")));
  std::int64_t open = 0;
  for (const auto& row : json["open alerts"].GetArray()) open += std::stoll(row["open"].GetString());
  CHECK(open == std::stoll(query_value("SELECT count(*) FROM reconciler.alerts WHERE state = 'open'")));
}

TEST_CASE("status prints aligned tables by default") {
  const auto outcome = mlctl({"status"});
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out.find("== orders by state") != std::string::npos);
  CHECK(outcome.out.find("posted") != std::string::npos);
}

TEST_CASE("orders lists every order, or those of one state") {
  CHECK(json_of(mlctl({"orders", "--json"})).Size() == std::stoul(query_value("SELECT count(*) FROM reconciler.orders")));
  const auto review = json_of(mlctl({"orders", "--state", "needs_review", "--json"}));
  REQUIRE(review.Size() > 0);
  CHECK(column(review, "state") == std::set<std::string>{"needs_review"});
  CHECK(review.Size() == std::stoul(query_value("SELECT count(*) FROM reconciler.orders WHERE state = 'needs_review'")));
}

TEST_CASE("orders --since a day after every change lists nothing") {
  CHECK(json_of(mlctl({"orders", "--since", "2999-01-01", "--json"})).Size() == 0);
}

TEST_CASE("orders with a state that does not exist is a usage error listing the states") {
  const auto outcome = mlctl({"orders", "--state", "shipped"});
  CHECK(outcome.status == 2);
  CHECK(outcome.err.find("--state shipped is not an order state (received, validating, needs_review") != std::string::npos);
}

TEST_CASE("order shows the timeline from its arrival to QuickBooks' answer") {
  const auto key = query_value("SELECT posting_key FROM reconciler.orders WHERE state = 'posted' ORDER BY 1 LIMIT 1");
  const auto json = json_of(mlctl({"order", key, "--json"}));
  CHECK(json["order"][0]["state"].GetString() == std::string("posted"));
  const auto kinds = column(json["timeline"], "kind");
  for (const char* kind : {"order.received", "posting.requested", "posting.completed", "order.posted"}) {
    INFO(kind);
    CHECK(kinds.contains(kind));
  }
}

TEST_CASE("order of an unknown number fails and says so") {
  const auto outcome = mlctl({"order", "NO-SUCH-ORDER"});
  CHECK(outcome.status == 1);
  CHECK(outcome.err.find("no order NO-SUCH-ORDER") != std::string::npos);
}

TEST_CASE("alerts lists every alert, --open only the open ones") {
  CHECK(json_of(mlctl({"alerts", "--json"})).Size() == std::stoul(query_value("SELECT count(*) FROM reconciler.alerts")));
  const auto open = json_of(mlctl({"alerts", "--open", "--json"}));
  CHECK(column(open, "state") == std::set<std::string>{"open"});
  CHECK(open.Size() == std::stoul(query_value("SELECT count(*) FROM reconciler.alerts WHERE state = 'open'")));
}

TEST_CASE("audit export writes every event of the period as CSV") {
  const auto today = query_value("SELECT current_date::text");
  const auto outcome = mlctl({"audit", "export", "--from", today, "--to", today, "--csv"});
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out.starts_with("id,occurred_at,order_number,service,kind,correlation_id,detail\r\n"));
  const auto events = std::stoul(query_value("SELECT count(*) FROM audit.events WHERE occurred_at::date = current_date"));
  REQUIRE(events > 0);
  CHECK(json_of(mlctl({"audit", "export", "--from", today, "--to", today, "--json"})).Size() == events);
}

TEST_CASE("preview shows the qbXML of a posted order's last request") {
  const auto key = query_value("SELECT posting_key FROM reconciler.orders WHERE state = 'posted' ORDER BY 1 LIMIT 1");
  const auto json = json_of(mlctl({"preview", key, "--json"}));
  const std::string qbxml = json[0]["qbxml"].GetString();
  CHECK(json[0]["write"].GetString() == std::string("modify"));
  CHECK(qbxml.starts_with("<InvoiceModRq"));
  CHECK(qbxml.find("<TxnID>" + query_value("SELECT txn_id FROM reconciler.orders WHERE posting_key = '" + key + "'")) !=
        std::string::npos);
}

TEST_CASE("preview of an order never requested for posting says so") {
  const auto key = query_value("SELECT posting_key FROM reconciler.orders WHERE last_request IS NULL ORDER BY 1 LIMIT 1");
  REQUIRE_FALSE(key.empty());
  const auto outcome = mlctl({"preview", key});
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out.find("never requested for posting") != std::string::npos);
}

TEST_CASE("dlq list shows every dead-letter queue with its depth") {
  const auto json = json_of(mlctl({"dlq", "list", "--json"}));
  const auto queues = column(json, "queue");
  CHECK(queues.contains("reconciler.shipstation.dlq"));
  CHECK(std::ranges::all_of(queues, [](const auto& q) { return q.ends_with(".dlq"); }));
}
