#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "company_session.hpp"
#include "ml/qbwc_sim/seed.hpp"

using namespace ml::qbxml_company;
namespace qbxml = ml::qbxml;

TEST_CASE("a CustomerQuery by FullName finds the customer with its ListID and Name") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  qbxml::CustomerQuery query;
  query.full_names = {"Jane Doe"};
  const auto set = qb->exchange(message_set().add("cust-1", query));

  const qbxml::Response r = only_response(set);
  CHECK(r.kind == "CustomerQueryRs");
  CHECK(r.request_id == "cust-1");
  CHECK(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.customers.size() == 1);
  CHECK(r.customers[0].list_id == qb->company().find_customer({"", "Jane Doe"})->list_id);
  CHECK(r.customers[0].name == "Jane Doe");
  CHECK(r.customers[0].full_name == "Jane Doe");
  CHECK(r.customers[0].first_name == "Jane");
}

TEST_CASE("a CustomerQuery for an unknown name is status 1, classified as no match") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  qbxml::CustomerQuery query;
  query.full_names = {"Nobody Of That Name"};
  const qbxml::Response r = only_response(qb->exchange(message_set().add("cust-2", query)));

  CHECK(r.status.code == 1);
  CHECK(r.status.severity == qbxml::Severity::info);
  CHECK(r.verdict().outcome == qbxml::Outcome::no_match);
  CHECK(r.customers.empty());
}

TEST_CASE("an ItemQuery returns items of every kind the company has, each with its kind") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Response r = only_response(qb->exchange(message_set().add("items-1", qbxml::ItemQuery{})));

  REQUIRE(r.verdict().outcome == qbxml::Outcome::ok);
  std::map<std::string, qbxml::ItemKind> kinds;
  for (const auto& item : r.items) kinds[item.full_name] = item.kind;
  CHECK(kinds == std::map<std::string, qbxml::ItemKind>{
                     {"WIDGET-01", qbxml::ItemKind::inventory},     {"WIDGET-02", qbxml::ItemKind::inventory},
                     {"GADGET-01", qbxml::ItemKind::inventory},     {"Gift Wrap", qbxml::ItemKind::non_inventory},
                     {"Installation", qbxml::ItemKind::service},    {"Shipping", qbxml::ItemKind::other_charge},
                     {"Discount 10%", qbxml::ItemKind::discount},   {"CA Sales Tax", qbxml::ItemKind::sales_tax}});
  for (const auto& item : r.items) {
    INFO(item.full_name);
    CHECK(item.list_id == qb->company().find_item({"", item.full_name})->list_id);
  }
}

TEST_CASE("an ItemInventoryQuery returns QuantityOnHand and the costs as exact decimals") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  qbxml::ItemInventoryQuery query;
  query.full_names = {"WIDGET-01"};
  const qbxml::Response r = only_response(qb->exchange(message_set().add("stock-1", query)));

  REQUIRE(r.items.size() == 1);
  const qbxml::Item& item = r.items[0];
  CHECK(item.kind == qbxml::ItemKind::inventory);
  REQUIRE(item.quantity_on_hand);
  CHECK(*item.quantity_on_hand == qb->company().find_item({"", "WIDGET-01"})->quantity_on_hand);
  CHECK(*item.quantity_on_hand == dec("118"));  // 120 seeded, 2 sold on invoice 1001
  REQUIRE(item.sales_price);
  CHECK(*item.sales_price == dec("19.99"));
  REQUIRE(item.average_cost);
  CHECK(*item.average_cost == dec("7.50"));
  CHECK(item.description == "Blue widget");
}

TEST_CASE("paging 20,000 items with an iterator returns every item exactly once") {
  auto qb = CompanySession::open(ml::qbwc_sim::large_company(42));
  if (!qb) return;
  const std::size_t all = qb->company().items.size();
  REQUIRE(all == 20000);

  std::set<std::string> seen;
  std::size_t returned = 0, pages = 0;
  qbxml::ItemQuery query;
  query.max_returned = 1000;
  query.active_status = qbxml::ActiveStatus::all;
  query.iteration = qbxml::Iteration::start();
  std::optional<int> remaining;
  while (remaining.value_or(1) > 0) {
    REQUIRE(pages < 25);
    const qbxml::Response page =
        only_response(qb->exchange(message_set().add("page-" + std::to_string(++pages), query)));
    REQUIRE(page.verdict().outcome == qbxml::Outcome::ok);
    REQUIRE(page.items.size() <= 1000);
    REQUIRE(!page.iterator_id.empty());
    REQUIRE(page.iterator_remaining_count);
    remaining = page.iterator_remaining_count;
    returned += page.items.size();
    for (const auto& item : page.items) seen.insert(item.list_id);
    query.iteration = qbxml::Iteration::next(page.iterator_id);
  }
  CHECK(remaining == 0);
  CHECK(returned == all);
  CHECK(seen.size() == all);
  CHECK(pages == 20);
}
