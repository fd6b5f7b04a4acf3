#include <catch2/catch.hpp>

#include "ml/qbxml/message_set.hpp"
#include "request_support.hpp"

using namespace ml::qbxml;
using namespace ml::qbxml::testing;
using namespace std::chrono;

namespace {

LocalDateTime at(std::string_view text) { return *LocalDateTime::parse(text); }

}  // namespace

TEST_CASE("a message set starts with the XML declaration, then the qbxml version") {
  std::string xml = build_one(TxnVoid{TxnVoidType::invoice, "C5-1417118624"});
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"13.0\"?>\n<QBXML>"));
  CHECK(contains(xml, "<QBXMLMsgsRq onError=\"stopOnError\">"));
}

TEST_CASE("the qbxml version is the lower of what QuickBooks reports and 13.0") {
  CHECK(negotiate_version(16, 0) == QbxmlVersion{13, 0});
  CHECK(negotiate_version(12, 0) == QbxmlVersion{12, 0});
  auto too_old = negotiate_version(8, 0);
  REQUIRE_FALSE(too_old.has_value());
  CHECK(too_old.error() == "QuickBooks supports qbXML 8.0; ml-connector needs 9.0 or later");
  auto xml = MessageSet(QbxmlVersion{12, 0}, OnError::continue_on_error).add("a", TxnVoid{{}, "1-1"}).build();
  REQUIRE(xml.has_value());
  CHECK(contains(*xml, "<?qbxml version=\"12.0\"?>"));
  CHECK(contains(*xml, "onError=\"continueOnError\""));
}

TEST_CASE("a version newer than our schema is refused") {
  auto xml = MessageSet(QbxmlVersion{14, 0}, OnError::stop_on_error).add("a", TxnVoid{{}, "1-1"}).build();
  REQUIRE_FALSE(xml.has_value());
  CHECK(xml.error().field == "qbxml version");
}

TEST_CASE("a customer query starting an iterator validates") {
  CustomerQuery q;
  q.iteration = Iteration::start();
  q.max_returned = 100;
  q.active_status = ActiveStatus::all;
  q.from_modified = at("2024-05-01T00:00:00");
  q.include_ret_elements = {"ListID", "EditSequence", "Name", "FullName", "Email", "IsActive", "TimeModified"};
  q.owner_ids = {"0"};
  std::string xml = build_one(q, OnError::continue_on_error);
  CHECK(contains(xml, "<CustomerQueryRq requestID=\"r1\" iterator=\"Start\">"));
  CHECK(contains(xml, "<FromModifiedDate>2024-05-01T00:00:00</FromModifiedDate>"));
  require_schema_valid(xml);
}

TEST_CASE("continuing an iterator sends its ID and page size but not the filters") {
  CustomerQuery q;
  q.iteration = Iteration::next("{eb05f701-e727-472f-8ade-6753c4f67a46}");
  q.max_returned = 100;
  q.from_modified = at("2024-05-01T00:00:00");
  std::string xml = build_one(q);
  CHECK(contains(xml, "iterator=\"Continue\" iteratorID=\"{eb05f701-e727-472f-8ade-6753c4f67a46}\""));
  CHECK(contains(xml, "<MaxReturned>100</MaxReturned>"));
  CHECK_FALSE(contains(xml, "FromModifiedDate"));
  require_schema_valid(xml);
}

TEST_CASE("stopping an iterator sends an empty query") {
  ItemQuery q;
  q.iteration = Iteration::stop("{6b474085-9943-46e2-ad71-d0a5aba9e948}");
  q.max_returned = 50;
  std::string xml = build_one(q);
  CHECK(contains(xml, "iterator=\"Stop\""));
  CHECK_FALSE(contains(xml, "MaxReturned"));
  require_schema_valid(xml);
}

TEST_CASE("continue without an iterator ID is an error") {
  ItemQuery q;
  q.iteration.mode = Iteration::Mode::continue_;
  CHECK(build_error(q).field == "ItemQueryRq[r1]@iteratorID");
}

TEST_CASE("customer queries by ListID and by FullName validate") {
  CustomerQuery by_id;
  by_id.list_ids = {"80000006-1354334808", "10006-1211236622"};
  require_schema_valid(build_one(by_id));
  CustomerQuery by_name;
  by_name.full_names = {"Keith Palmer", "Acme:Warehouse 2"};
  require_schema_valid(build_one(by_name));
}

TEST_CASE("ListID, FullName and filters cannot be mixed in one query") {
  CustomerQuery q;
  q.list_ids = {"1-1"};
  q.max_returned = 5;
  BuildError error = build_error(q);
  CHECK(error.field == "CustomerQueryRq[r1]");
  CHECK(error.message == "ListID, FullName and the filters are mutually exclusive");
}

TEST_CASE("an item query with a name filter validates") {
  ItemQuery q;
  q.max_returned = 3;
  q.active_status = ActiveStatus::active_only;
  q.from_modified = at("2014-11-01T00:00:00");
  q.to_modified = at("2014-12-01T00:00:00");
  q.name_match = MatchCriterion::starts_with;
  q.name = "SPREE";
  std::string xml = build_one(q);
  CHECK(contains(xml, "<NameFilter>\n        <MatchCriterion>StartsWith</MatchCriterion>\n        <Name>SPREE</Name>"));
  require_schema_valid(xml);
}

TEST_CASE("an inventory item query by FullName with IncludeRetElement validates") {
  ItemInventoryQuery q;
  q.full_names = {"WIDGET-01"};
  q.include_ret_elements = {"ListID", "FullName", "QuantityOnHand"};
  std::string xml = build_one(q);
  CHECK(contains(xml, "<IncludeRetElement>QuantityOnHand</IncludeRetElement>"));
  require_schema_valid(xml);
}

TEST_CASE("invoice queries by RefNumber and by TxnID validate") {
  InvoiceQuery by_ref;
  by_ref.ref_numbers = {"SS-100234"};
  by_ref.include_line_items = true;
  require_schema_valid(build_one(by_ref));
  InvoiceQuery by_id;
  by_id.txn_ids = {"C5-1417118624"};
  require_schema_valid(build_one(by_id));
}

TEST_CASE("a journal entry query by RefNumber is a JournalEntryQueryRq that validates") {
  JournalEntryQuery q;
  q.ref_numbers = {"~3KX0P7M2QD"};
  q.include_line_items = true;
  const std::string xml = build_one(q);
  CHECK(contains(xml, "<JournalEntryQueryRq"));
  CHECK(contains(xml, "<RefNumber>~3KX0P7M2QD</RefNumber>"));
  require_schema_valid(xml);
}

TEST_CASE("an invoice query by modified-date range uses the ModifiedDateRangeFilter wrapper") {
  InvoiceQuery q;
  q.iteration = Iteration::start();
  q.max_returned = 50;
  q.from_modified = *from_modified_after("2024-05-01T10:15:59-07:00");
  q.to_modified = at("2024-05-31T23:59:59");
  q.ref_number_match = MatchCriterion::starts_with;
  q.ref_number_filter = "SS-";
  q.include_line_items = true;
  q.include_ret_elements = {"TxnID", "EditSequence", "RefNumber", "TimeModified"};
  std::string xml = build_one(q);
  CHECK(contains(xml, "<ModifiedDateRangeFilter>\n        <FromModifiedDate>2024-05-01T10:16:00</FromModifiedDate>"));
  require_schema_valid(xml);
}

TEST_CASE("FromModifiedDate is the last TimeModified's wall clock plus one second, without offset") {
  CHECK(from_modified_after("2014-11-11T10:47:43-03:00")->to_string() == "2014-11-11T10:47:44");
  CHECK(from_modified_after("2023-12-31T23:59:59+01:00")->to_string() == "2024-01-01T00:00:00");
  CHECK(from_modified_after("2024-02-28T23:59:59")->to_string() == "2024-02-29T00:00:00");
  CHECK_FALSE(from_modified_after("2024-02-30T10:00:00").has_value());
  CHECK_FALSE(from_modified_after("yesterday").has_value());
}

TEST_CASE("error recovery asks for an old message set with no requests") {
  auto xml = MessageSet(kNewestVersion, OnError::continue_on_error).old_message_set_id("b1f2c3d4").build();
  REQUIRE(xml.has_value());
  CHECK(contains(*xml, "oldMessageSetID=\"b1f2c3d4\""));
  require_schema_valid(*xml);
}

TEST_CASE("an empty message set is an error") {
  CHECK_FALSE(MessageSet(kNewestVersion, OnError::stop_on_error).build().has_value());
}

TEST_CASE("request IDs must be unique within a set") {
  auto xml = MessageSet(kNewestVersion, OnError::stop_on_error)
                 .add("same", TxnVoid{{}, "1-1"})
                 .add("same", TxnVoid{{}, "2-2"})
                 .build();
  REQUIRE_FALSE(xml.has_value());
  CHECK(xml.error().message == "\"same\" is used twice");
}
