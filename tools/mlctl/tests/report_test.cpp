// The month-end report against the simulated QuickBooks company and ShipStation account.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <map>
#include <set>

#include "ml/core/decimal.hpp"
#include "ml/merchant_demo/expectations.hpp"
#include "ml/merchant_demo/month_end.hpp"
#include "populated_stack.hpp"

using ml::core::Decimal;
using mlctl_test::mlctl;
using mlctl_test::stack;

namespace {

constexpr const char* kFrom = "2026-03-01";
constexpr const char* kTo = "2026-03-31";

rapidjson::Document month_report() { return mlctl_test::json_of(mlctl({"report", "--from", kFrom, "--to", kTo, "--json"})); }

struct Posted {
  int count = 0;
  Decimal amount = Decimal::from_units(0, 2);
};

}  // namespace

TEST_CASE("the month-end report's posted totals equal the simulated company's invoices of the month") {
  mlctl_test::settle();
  std::map<std::string, Posted> company;
  Posted company_total;
  for (const auto& invoice : stack().quickbooks().invoices) {
    if (invoice.voided || invoice.txn_date < kFrom || invoice.txn_date > kTo) continue;
    auto& day = company[invoice.txn_date];
    ++day.count;
    day.amount += invoice.subtotal();
    ++company_total.count;
    company_total.amount += invoice.subtotal();
  }
  REQUIRE(company_total.count > 0);
  const auto json = month_report();
  REQUIRE(json["days"].Size() == 31);
  for (const auto& row : json["days"].GetArray()) {
    const std::string day = row["day"].GetString();
    INFO(day);
    CHECK(std::stoi(row["posted"].GetString()) == company[day].count);
    CHECK(Decimal::from_string(row["posted_amount"].GetString()) == company[day].amount);
  }
  const auto& total = json["totals"][0];
  CHECK(std::stoi(total["posted"].GetString()) == company_total.count);
  CHECK(Decimal::from_string(total["posted_amount"].GetString()) == company_total.amount);
}

TEST_CASE("the month-end report names every shipped order that did not post, with its reason") {
  mlctl_test::settle();
  auto& s = stack();
  const auto records = ml::merchant_demo::read_shipstation(s.shipstation_base_url(), s.shipstation_key(), s.shipstation_secret());
  const auto known = ml::merchant_demo::known_entities(s.shipstation_admin("GET", "/_sim/catalogue").body);
  REQUIRE(records.has_value());
  REQUIRE(known.has_value());
  const auto expected = ml::merchant_demo::month_end(ml::merchant_demo::expected_orders(*records, *known), s.quickbooks(),
                                                     ml::merchant_demo::reconciler_views(s.database_url()));
  std::set<std::string> independent;
  for (const auto& n : expected.not_posted) independent.insert(n.key);
  std::set<std::string> reported;
  const auto json = month_report();
  for (const auto& row : json["shipped but not posted"].GetArray()) {
    reported.insert(row["posting_key"].GetString());
    CHECK_FALSE(std::string(row["reason"].GetString()).empty());
  }
  REQUIRE_FALSE(reported.empty());
  CHECK(reported == independent);
  CHECK(std::stoul(json["totals"][0]["not_posted"].GetString()) == reported.size());
}

TEST_CASE("a report whose end is before its start is a usage error") {
  const auto outcome = mlctl({"report", "--from", "2026-03-31", "--to", "2026-03-01"});
  CHECK(outcome.status == 2);
  CHECK(outcome.err.find("--to 2026-03-01 is before --from 2026-03-31") != std::string::npos);
}

TEST_CASE("a report day that is not YYYY-MM-DD is a usage error naming the option") {
  const auto outcome = mlctl({"report", "--from", "March", "--to", "2026-03-31"});
  CHECK(outcome.status == 2);
  CHECK(outcome.err.find("--from wants a day as YYYY-MM-DD, not 'March'") != std::string::npos);
}
