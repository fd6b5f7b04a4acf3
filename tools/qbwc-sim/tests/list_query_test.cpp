#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

TEST_CASE("CustomerQuery by FullName returns that customer") {
  Fixture f;
  Response r(f.process("<CustomerQueryRq requestID=\"7\"><FullName>jane doe</FullName></CustomerQueryRq>"));
  CHECK(r.status() == 0);
  CHECK(std::string(r.rs().Attribute("requestID")) == "7");
  CHECK(r.count_named("CustomerRet") == 1);
  CHECK(r.find("FullName") == "Jane Doe");
  CHECK(r.find("Balance") == "44.93");
}

TEST_CASE("CustomerQuery returns active customers unless ActiveStatus says otherwise") {
  Fixture f;
  CHECK(Response(f.process("<CustomerQueryRq/>")).count_named("CustomerRet") == 4);
  CHECK(Response(f.process("<CustomerQueryRq><ActiveStatus>All</ActiveStatus></CustomerQueryRq>")).count_named("CustomerRet") == 5);
  Response inactive(f.process("<CustomerQueryRq><ActiveStatus>InactiveOnly</ActiveStatus></CustomerQueryRq>"));
  CHECK(inactive.find("Name") == "Old Wholesale Account");
}

TEST_CASE("a FullName QuickBooks does not have makes the query a 500 warning") {
  Fixture f;
  Response r(f.process("<CustomerQueryRq><FullName>Jane Doe</FullName><FullName>bleech</FullName></CustomerQueryRq>"));
  CHECK(r.status() == 500);
  CHECK(std::string(r.rs().Attribute("statusSeverity")) == "Warn");
  CHECK(r.message().find("(\"bleech\")") != std::string::npos);
  CHECK(r.count_named("CustomerRet") == 1);
}

TEST_CASE("an unknown ListID is error 3120") {
  Fixture f;
  Response r(f.process("<CustomerQueryRq><ListID>8000001B-1405768916</ListID></CustomerQueryRq>"));
  CHECK(r.status() == 3120);
  CHECK(r.message() ==
        "Object \"8000001B-1405768916\" specified in the request cannot be found.  QuickBooks error message: Invalid "
        "argument.  The specified record does not exist in the list.");
}

TEST_CASE("a query without a match is status 1") {
  Fixture f;
  Response r(f.process("<CustomerQueryRq><NameFilter><MatchCriterion>StartsWith</MatchCriterion><Name>Nobody</Name>"
                       "</NameFilter></CustomerQueryRq>"));
  CHECK(r.status() == 1);
  CHECK(r.message() == "A query request did not find a matching object in QuickBooks");
}

TEST_CASE("NameFilter matches names case-insensitively") {
  Fixture f;
  Response r(f.process("<CustomerQueryRq><NameFilter><MatchCriterion>Contains</MatchCriterion><Name>CORP</Name>"
                       "</NameFilter></CustomerQueryRq>"));
  CHECK(r.count_named("CustomerRet") == 1);
  CHECK(r.find("Name") == "Acme Corp");
}

TEST_CASE("FromModifiedDate returns only objects modified since then") {
  Fixture f;
  f.company.find_customer({"", "Acme Corp"})->stamp.modified = seed_epoch() + std::chrono::hours(48);
  Response r(f.process("<CustomerQueryRq><FromModifiedDate>2024-01-03T09:00:00</FromModifiedDate></CustomerQueryRq>"));
  CHECK(r.count_named("CustomerRet") == 1);
  CHECK(r.find("Name") == "Acme Corp");
}

TEST_CASE("ItemQuery returns every kind of item with its own Ret element") {
  Fixture f;
  Response r(f.process("<ItemQueryRq/>"));
  CHECK(r.count_named("ItemInventoryRet") == 3);
  CHECK(r.count_named("ItemNonInventoryRet") == 1);
  CHECK(r.count_named("ItemServiceRet") == 1);
  CHECK(r.count_named("ItemOtherChargeRet") == 1);
  CHECK(r.count_named("ItemDiscountRet") == 1);
  CHECK(r.count_named("ItemSalesTaxRet") == 1);
}

TEST_CASE("ItemInventoryQuery returns inventory items with QuantityOnHand") {
  Fixture f;
  Response r(f.process("<ItemInventoryQueryRq><FullName>WIDGET-01</FullName></ItemInventoryQueryRq>"));
  CHECK(r.find("QuantityOnHand") == "118");
  CHECK(Response(f.process("<ItemInventoryQueryRq/>")).count_named("ItemInventoryRet") == 3);
}

TEST_CASE("IncludeRetElement keeps only the named elements") {
  Fixture f;
  Response r(f.process("<ItemInventoryQueryRq><FullName>WIDGET-02</FullName><IncludeRetElement>ListID</IncludeRetElement>"
                       "<IncludeRetElement>QuantityOnHand</IncludeRetElement></ItemInventoryQueryRq>"));
  const auto& ret = *r.rs().FirstChildElement("ItemInventoryRet");
  CHECK(std::string(ret.FirstChildElement()->Name()) == "ListID");
  CHECK(std::string(ret.LastChildElement()->Name()) == "QuantityOnHand");
  CHECK(r.count_named("Name") == 0);
}

TEST_CASE("MaxReturned without an iterator returns the first records only") {
  Fixture f;
  Response r(f.process("<ItemQueryRq><MaxReturned>2</MaxReturned></ItemQueryRq>"));
  CHECK(r.rets() == 2);
  CHECK(r.rs().Attribute("iteratorID") == nullptr);
}

TEST_CASE("metaData MetaDataOnly returns only the count") {
  Fixture f;
  Response r(f.process("<ItemQueryRq metaData=\"MetaDataOnly\"/>"));
  CHECK(r.rs().IntAttribute("retCount") == 8);
  CHECK(r.rs().FirstChildElement() == nullptr);
}

TEST_CASE("an iterator pages through the records with iteratorRemainingCount") {
  Fixture f;
  Response first(f.process("<ItemQueryRq iterator=\"Start\"><MaxReturned>3</MaxReturned></ItemQueryRq>"));
  CHECK(first.rs().IntAttribute("iteratorRemainingCount") == 5);
  const std::string id = first.rs().Attribute("iteratorID");
  CHECK(id.front() == '{');
  const std::string next = "<ItemQueryRq iterator=\"Continue\" iteratorID=\"" + id + "\"><MaxReturned>3</MaxReturned></ItemQueryRq>";
  Response second(f.process(next));
  CHECK(second.rs().IntAttribute("iteratorRemainingCount") == 2);
  Response third(f.process(next));
  CHECK(third.rs().IntAttribute("iteratorRemainingCount") == 0);
  CHECK(third.rets() == 2);
}

TEST_CASE("an iterator is not valid in a later session") {
  Fixture f;
  Response first(f.process("<CustomerQueryRq iterator=\"Start\"><MaxReturned>1</MaxReturned></CustomerQueryRq>"));
  const std::string id = first.rs().Attribute("iteratorID");
  f.new_session();
  Response later(f.process("<CustomerQueryRq iterator=\"Continue\" iteratorID=\"" + id + "\"><MaxReturned>1</MaxReturned></CustomerQueryRq>"));
  CHECK(later.status() == 3120);
}

TEST_CASE("iterator Stop releases the iterator") {
  Fixture f;
  Response first(f.process("<CustomerQueryRq iterator=\"Start\"><MaxReturned>1</MaxReturned></CustomerQueryRq>"));
  const std::string id = first.rs().Attribute("iteratorID");
  CHECK(Response(f.process("<CustomerQueryRq iterator=\"Stop\" iteratorID=\"" + id + "\"/>")).status() == 0);
  CHECK(Response(f.process("<CustomerQueryRq iterator=\"Continue\" iteratorID=\"" + id + "\"/>")).status() == 3120);
}
