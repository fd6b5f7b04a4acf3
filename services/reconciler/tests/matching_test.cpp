#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ml/reconciler/matching.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;
using messages::LookupField;
using messages::LookupKey;

TEST_CASE("the customer is found by e-mail first") {
  MemoryDirectory qb;
  qb.customer("Lovelace, Ada", "ADA@example.com").customer("Ada Lovelace", std::nullopt);
  const auto match = match_customer(order(), qb, {}, {});
  CHECK(match.full_name == "Lovelace, Ada");
  CHECK(match.ask.empty());
}

TEST_CASE("without an e-mail match the customer is found by the billTo name as QuickBooks stores it") {
  MemoryDirectory qb;
  qb.missing_customer(LookupField::email, "ada@example.com").customer("?ukasz Nowak", std::nullopt);
  auto o = order();
  o.bill_to->name = "Łukasz Nowak";
  CHECK(match_customer(o, qb, {}, {}).full_name == "?ukasz Nowak");
}

TEST_CASE("a transliterated name is not a match") {
  MemoryDirectory qb;
  qb.missing_customer(LookupField::email, "ada@example.com")
      .missing_customer(LookupField::full_name, "?ukasz Nowak")
      .customer("Lukasz Nowak", std::nullopt);
  auto o = order();
  o.bill_to->name = "Łukasz Nowak";
  const auto match = match_customer(o, qb, {}, {});
  CHECK_FALSE(match.full_name);
  REQUIRE(match.problem);
  CHECK(match.problem->kind == "unknown_customer");
}

TEST_CASE("an unknown e-mail or name is asked for in one lookup before anything else is tried") {
  MemoryDirectory qb;
  Mappings mappings;
  mappings.store_customer[7] = "Web Store Customer";
  auto o = order();
  o.store_id = 7;
  const auto match = match_customer(o, qb, mappings, {});
  CHECK_FALSE(match.full_name);
  CHECK(match.ask == std::vector<LookupKey>{{LookupField::email, "ada@example.com"}, {LookupField::full_name, "Ada Lovelace"}});
}

TEST_CASE("the mapping table applies when QuickBooks has neither the e-mail nor the name") {
  MemoryDirectory qb;
  qb.missing_customer(LookupField::email, "ada@example.com").missing_customer(LookupField::full_name, "Ada Lovelace");
  Mappings mappings;
  mappings.customer_by_email["ada@example.com"] = "Countess of Lovelace";
  CHECK(match_customer(order(), qb, mappings, {}).full_name == "Countess of Lovelace");
}

TEST_CASE("the store's default customer is the last resort") {
  MemoryDirectory qb;
  qb.missing_customer(LookupField::email, "ada@example.com").missing_customer(LookupField::full_name, "Ada Lovelace");
  Mappings mappings;
  mappings.store_customer[7] = "Web Store Customer";
  auto o = order();
  o.store_id = 7;
  CHECK(match_customer(o, qb, mappings, {}).full_name == "Web Store Customer");
}

TEST_CASE("the configured rule order decides which match wins") {
  MemoryDirectory qb;
  qb.customer("Ada Lovelace", "ada@example.com");
  Mappings mappings;
  mappings.store_customer[7] = "Web Store Customer";
  auto o = order();
  o.store_id = 7;
  MatchSettings settings;
  settings.customer_rules = {CustomerRule::store_default, CustomerRule::email};
  CHECK(match_customer(o, qb, mappings, settings).full_name == "Web Store Customer");
}

TEST_CASE("an inactive QuickBooks customer is not a match") {
  MemoryDirectory qb;
  qb.customer("Ada Lovelace", "ada@example.com", false);
  CHECK(match_customer(order(), qb, {}, {}).problem);
}

TEST_CASE("the customer rule order is read from a comma-separated list") {
  CHECK(parse_customer_rules("name,email") == std::vector{CustomerRule::name, CustomerRule::email});
  CHECK(parse_customer_rules("email,fuzzy").error() ==
        "unknown rule \"fuzzy\" (use email, name, mapping, store_default)");
  CHECK(parse_customer_rules("email,email").error() == "rule \"email\" given twice");
  CHECK_FALSE(parse_customer_rules(""));
}

TEST_CASE("a SKU matches the QuickBooks item of that name") {
  MemoryDirectory qb;
  qb.item("widget-1");
  CHECK(match_items(order(), qb, {}, {}).item_full_names == std::vector<std::string>{"widget-1"});
}

TEST_CASE("the SKU mapping table names the item") {
  Mappings mappings;
  mappings.item_by_sku["WIDGET-1"] = "Widgets:Blue Widget";
  CHECK(match_items(order(), MemoryDirectory{}, mappings, {}).item_full_names ==
        std::vector<std::string>{"Widgets:Blue Widget"});
}

TEST_CASE("adjustment lines go to the configured discount item") {
  auto o = order();
  o.items.push_back(line("SAVE10", "1", "-2.50", true));
  MemoryDirectory qb;
  qb.item("WIDGET-1");
  MatchSettings settings;
  settings.discount_item = "Coupons";
  CHECK(match_items(o, qb, {}, settings).item_full_names == std::vector<std::string>{"WIDGET-1", "Coupons"});
}

TEST_CASE("an item the cache does not know is asked for") {
  const auto match = match_items(order(), MemoryDirectory{}, {}, {});
  CHECK(match.ask == std::vector<LookupKey>{{LookupField::full_name, "WIDGET-1"}});
  CHECK(match.problems.empty());
}

TEST_CASE("an item QuickBooks lacks, or a line without SKU, is a problem per SKU") {
  auto o = order();
  o.items.push_back(line("WIDGET-1", "1", "3"));
  o.items.push_back(line("", "1", "3"));
  MemoryDirectory qb;
  qb.missing_item("WIDGET-1");
  const auto match = match_items(o, qb, {}, {});
  REQUIRE(match.problems.size() == 2);
  CHECK(match.problems[0].kind == "unknown_item");
  CHECK(match.problems[0].detail_json == R"({"sku":"WIDGET-1","line":"Item WIDGET-1"})");
  CHECK(match.problems[1].message == "Order 100234: line \"Item \" has no SKU to match a QuickBooks item.");
}
