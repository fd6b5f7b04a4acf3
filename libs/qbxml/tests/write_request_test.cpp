#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "ml/testing/environment.hpp"

#include "ml/qbxml/message_set.hpp"
#include "request_support.hpp"

using namespace ml::qbxml;
using namespace ml::qbxml::testing;
using ml::core::Decimal;
using namespace std::chrono;

namespace {

InvoiceLine line(std::string item, std::string quantity, std::string rate, std::string amount) {
  InvoiceLine l;
  l.item.full_name = std::move(item);
  l.quantity = Decimal::from_string(quantity);
  l.rate = Decimal::from_string(rate);
  l.amount = Decimal::from_string(amount);
  return l;
}

InvoiceAdd full_invoice() {
  InvoiceAdd add;
  add.customer.full_name = "ShipStation Customer";
  add.template_ref.full_name = "Intuit Product Invoice";
  add.txn_date = 2024y / May / 2;
  add.ref_number = "SS-100234";
  add.bill_address = Address{.addr1 = "Jane Doe", .city = "Austin", .state = "TX", .postal_code = "78701"};
  add.ship_address = Address{.addr1 = "Jane Doe", .addr2 = "123 Main St", .city = "Austin", .state = "TX",
                             .postal_code = "78701", .country = "US", .note = "Leave at door"};
  add.po_number = "SS-ORDER-100234";
  add.ship_date = 2024y / May / 2;
  add.memo = "Imported from ShipStation";
  add.is_to_be_printed = false;
  add.other = "store 7";
  add.external_guid = "6B29FC40-CA47-1067-B31D-00DD010662DA";
  add.lines.push_back(line("WIDGET-01", "2", "19.995", "39.99"));
  add.lines.back().desc = "Blue widget";
  add.lines.back().sales_tax_code.full_name = "Tax";
  InvoiceLine shipping;
  shipping.item.full_name = "Shipping";
  shipping.amount = Decimal::from_string("7.5");
  add.lines.push_back(shipping);
  return add;
}

}  // namespace

TEST_CASE("an invoice add with every supported field validates, in schema order") {
  std::string xml = build_one(full_invoice());
  require_schema_valid(xml);
  CHECK(contains(xml, "<ExternalGUID>{6B29FC40-CA47-1067-B31D-00DD010662DA}</ExternalGUID>"));
  CHECK(xml.find("<TxnDate>") < xml.find("<RefNumber>"));
  CHECK(xml.find("<RefNumber>") < xml.find("<ShipAddress>"));
}

TEST_CASE("amounts have two decimals, rates and quantities only the decimals they need") {
  std::string xml = build_one(full_invoice());
  CHECK(contains(xml, "<Quantity>2</Quantity>"));
  CHECK(contains(xml, "<Rate>19.995</Rate>"));
  CHECK(contains(xml, "<Amount>39.99</Amount>"));
  CHECK(contains(xml, "<Amount>7.50</Amount>"));
}

TEST_CASE("an amount with fractions of a cent is an error, not rounded") {
  InvoiceAdd add = full_invoice();
  add.lines[0].amount = Decimal::from_string("39.985");
  BuildError error = build_error(add);
  CHECK(error.field == "InvoiceAddRq[r1]/InvoiceAdd/InvoiceLineAdd[1]/Amount");
  CHECK(error.message == "39.985 has more than 2 decimals; QuickBooks Desktop would round it");
}

TEST_CASE("a rate with more than five decimals is an error") {
  InvoiceAdd add = full_invoice();
  add.lines[1].rate = Decimal::from_string("0.123456");
  CHECK(build_error(add).field == "InvoiceAddRq[r1]/InvoiceAdd/InvoiceLineAdd[2]/Rate");
}

TEST_CASE("a RefNumber over 11 characters is an error naming the field") {
  InvoiceAdd add = full_invoice();
  add.ref_number = "SS-10023456789";
  BuildError error = build_error(add);
  CHECK(error.field == "InvoiceAddRq[r1]/InvoiceAdd/RefNumber");
  CHECK(error.message == "\"SS-10023456789\" is 14 characters; QuickBooks Desktop allows 11");
}

TEST_CASE("a customer Name over 41 characters is an error naming the field") {
  InvoiceAdd add = full_invoice();
  add.customer.full_name = "Parent:" + std::string(42, 'N');
  BuildError error = build_error(add);
  CHECK(error.field == "InvoiceAddRq[r1]/InvoiceAdd/CustomerRef/FullName");
  CHECK(contains(error.message, "the customer Name \"NNNN"));
  CHECK(contains(error.message, "is 42 characters; QuickBooks Desktop allows 41"));
}

TEST_CASE("an item Name over 31 characters is an error naming the line") {
  InvoiceAdd add = full_invoice();
  add.lines[1].item.full_name = std::string(32, 'I');
  BuildError error = build_error(add);
  CHECK(error.field == "InvoiceAddRq[r1]/InvoiceAdd/InvoiceLineAdd[2]/ItemRef/FullName");
  CHECK(contains(error.message, "the item Name"));
}

TEST_CASE("lengths are counted after the text rule: a 41-letter name with Ł fits") {
  InvoiceAdd add = full_invoice();
  add.customer.full_name = "Ł" + std::string(40, 'a');
  require_schema_valid(build_one(add));
}

TEST_CASE("PONumber, Other and address fields over their limits are errors") {
  InvoiceAdd po = full_invoice();
  po.po_number = std::string(26, 'P');
  CHECK(build_error(po).field == "InvoiceAddRq[r1]/InvoiceAdd/PONumber");
  InvoiceAdd other = full_invoice();
  other.other = std::string(30, 'O');
  CHECK(build_error(other).field == "InvoiceAddRq[r1]/InvoiceAdd/Other");
  InvoiceAdd city = full_invoice();
  city.ship_address->city = std::string(32, 'C');
  CHECK(build_error(city).field == "InvoiceAddRq[r1]/InvoiceAdd/ShipAddress/City");
}

TEST_CASE("descriptions and memos over 4095 characters are truncated, not rejected") {
  InvoiceAdd add = full_invoice();
  add.lines[0].desc = std::string(5000, 'd');
  add.memo = std::string(4100, 'm');
  std::string xml = build_one(add);
  CHECK(contains(xml, "<Desc>" + std::string(4095, 'd') + "</Desc>"));
  CHECK(contains(xml, "<Memo>" + std::string(4095, 'm') + "</Memo>"));
  require_schema_valid(xml);
}

TEST_CASE("an ExternalGUID must be a GUID") {
  InvoiceAdd add = full_invoice();
  add.external_guid = "order-1001";
  CHECK(build_error(add).field == "InvoiceAddRq[r1]/InvoiceAdd/ExternalGUID");
}

TEST_CASE("an invoice add needs a customer") {
  InvoiceAdd add = full_invoice();
  add.customer = {};
  CHECK(build_error(add).field == "InvoiceAddRq[r1]/InvoiceAdd/CustomerRef");
}

TEST_CASE("an invoice mod with TxnID, EditSequence and the full line set validates") {
  InvoiceMod mod;
  mod.txn_id = "C5-1417118624";
  mod.edit_sequence = "1417118624";
  mod.memo = "Tracking 1Z999AA10123456784";
  mod.lines.push_back(line("SPREE-T-SHIRT", "3", "103", "309.00"));
  mod.lines.back().txn_line_id = "C7-1417118624";
  mod.lines.push_back(line("Shipping", "1", "7.5", "7.50"));
  mod.lines.back().txn_line_id = kNewLine;
  std::string xml = build_one(mod);
  CHECK(contains(xml, "<TxnLineID>C7-1417118624</TxnLineID>"));
  CHECK(contains(xml, "<TxnLineID>-1</TxnLineID>"));
  require_schema_valid(xml);
}

TEST_CASE("a header-only invoice mod validates") {
  InvoiceMod mod;
  mod.txn_id = "C5-1417118624";
  mod.edit_sequence = "1417118624";
  mod.txn_date = 2024y / June / 1;
  mod.ref_number = "SS-100234";
  mod.po_number = "SS-ORDER-100234";
  require_schema_valid(build_one(mod));
}

TEST_CASE("an invoice mod line without a TxnLineID is an error") {
  InvoiceMod mod;
  mod.txn_id = "C5-1417118624";
  mod.edit_sequence = "1417118624";
  mod.lines.push_back(line("Shipping", "1", "7.5", "7.50"));
  CHECK(build_error(mod).field == "InvoiceModRq[r1]/InvoiceMod/InvoiceLineMod[1]/TxnLineID");
}

TEST_CASE("an invoice mod without EditSequence is an error") {
  InvoiceMod mod;
  mod.txn_id = "C5-1417118624";
  CHECK(build_error(mod).field == "InvoiceModRq[r1]/InvoiceMod/EditSequence");
}

TEST_CASE("a balanced journal entry validates") {
  JournalEntryAdd entry;
  entry.txn_date = 2024y / May / 2;
  entry.ref_number = "SSFEE0502";
  entry.external_guid = "{6B29FC40-CA47-1067-B31D-00DD010662DB}";
  entry.lines.push_back({JournalLine::Side::debit, {{}, "Postage and Delivery"}, Decimal::from_string("12.34"),
                         "ShipStation label fees", {{}, "USPS"}, {}});
  entry.lines.push_back({JournalLine::Side::credit, {{}, "Checking"}, Decimal::from_string("12.34"), {}, {}, {}});
  std::string xml = build_one(entry);
  CHECK(contains(xml, "<JournalDebitLine>"));
  CHECK(contains(xml, "<JournalCreditLine>"));
  require_schema_valid(xml);
}

TEST_CASE("an unbalanced journal entry is an error") {
  JournalEntryAdd entry;
  entry.lines.push_back({JournalLine::Side::debit, {{}, "Postage"}, Decimal::from_string("12.34"), {}, {}, {}});
  entry.lines.push_back({JournalLine::Side::credit, {{}, "Checking"}, Decimal::from_string("12.00"), {}, {}, {}});
  BuildError error = build_error(entry);
  CHECK(error.field == "JournalEntryAddRq[r1]/JournalEntryAdd");
  CHECK(error.message == "debits 12.34 do not equal credits 12.00");
}

TEST_CASE("a transaction void validates") {
  std::string invoice = build_one(TxnVoid{TxnVoidType::invoice, "C5-1417118624"});
  CHECK(contains(invoice, "<TxnVoidType>Invoice</TxnVoidType>"));
  require_schema_valid(invoice);
  require_schema_valid(build_one(TxnVoid{TxnVoidType::journal_entry, "1F-1417118624"}));
}

TEST_CASE("several requests in one set keep their order and request IDs") {
  InvoiceQuery lookup;
  lookup.ref_numbers = {"SS-100234"};
  ItemInventoryQuery stock;
  stock.full_names = {"WIDGET-01"};
  auto xml = MessageSet(kNewestVersion, OnError::stop_on_error)
                 .new_message_set_id("b1f2c3d4")
                 .add("lookup-1", lookup)
                 .add("add-1", full_invoice())
                 .add("stock-1", stock)
                 .build();
  REQUIRE(xml.has_value());
  CHECK(contains(*xml, "newMessageSetID=\"b1f2c3d4\""));
  CHECK(xml->find("requestID=\"lookup-1\"") < xml->find("requestID=\"add-1\""));
  CHECK(xml->find("requestID=\"add-1\"") < xml->find("requestID=\"stock-1\""));
  require_schema_valid(*xml);
}

TEST_CASE("the schema check itself rejects Intuit-invalid requests") {
  auto shared = ml::testing::shared_dir();
  if (!shared) return;
  for (const char* name : {"invoice_add_rq.wrong_order.xml", "invoice_add_rq.refnumber_too_long.xml"}) {
    std::ifstream in(*shared / "qbxml-schema" / "tests" / name);
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE_FALSE(xml.empty());
    Validation v = validate_against_schema(xml);
    if (v.skipped) return;
    INFO(name);
    CHECK_FALSE(v.valid);
  }
}
