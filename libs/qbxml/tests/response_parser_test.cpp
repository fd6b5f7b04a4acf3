#include <catch2/catch.hpp>

#include "response_support.hpp"

using namespace ml::qbxml;
using namespace ml::qbxml::testing;

namespace {

std::string wrap(const std::string& responses) {
  return "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n" + responses + "</QBXMLMsgsRs>\n</QBXML>\n";
}

ParseError parse_error(const std::string& text) {
  auto set = parse_response_set(text);
  REQUIRE_FALSE(set.has_value());
  return set.error();
}

}  // namespace

TEST_CASE("responses are matched to requests by requestID") {
  ResponseSet set = parsed(wrap(
      "<InvoiceQueryRs requestID=\"lookup-1\" statusCode=\"1\" statusSeverity=\"Info\" statusMessage=\"none\"/>\n"
      "<InvoiceAddRs requestID=\"add-1\" statusCode=\"3140\" statusSeverity=\"Error\" statusMessage=\"bad ref\"/>\n"
      "<TxnVoidRs requestID=\"void-1\" statusCode=\"3231\" statusSeverity=\"Error\" statusMessage=\"not processed\"/>\n"));
  REQUIRE(set.find("add-1") != nullptr);
  CHECK(set.find("add-1")->verdict().outcome == Outcome::final_error);
  CHECK(set.find("lookup-1")->verdict().outcome == Outcome::no_match);
  CHECK(set.find("void-1")->verdict().outcome == Outcome::not_processed);
  CHECK(set.find("missing") == nullptr);
}

TEST_CASE("every item kind parses into one Item with its kind") {
  const std::pair<const char*, ItemKind> kinds[] = {
      {"ItemInventoryRet", ItemKind::inventory},     {"ItemNonInventoryRet", ItemKind::non_inventory},
      {"ItemServiceRet", ItemKind::service},         {"ItemOtherChargeRet", ItemKind::other_charge},
      {"ItemInventoryAssemblyRet", ItemKind::inventory_assembly}, {"ItemGroupRet", ItemKind::group},
      {"ItemDiscountRet", ItemKind::discount},       {"ItemSalesTaxRet", ItemKind::sales_tax},
      {"ItemSalesTaxGroupRet", ItemKind::sales_tax_group}, {"ItemPaymentRet", ItemKind::payment},
      {"ItemSubtotalRet", ItemKind::subtotal},       {"ItemFixedAssetRet", ItemKind::fixed_asset},
  };
  std::string body;
  for (const auto& [tag, kind] : kinds)
    body += std::string("<") + tag + "><ListID>1-" + tag + "</ListID><Name>" + tag + "</Name></" + tag + ">\n";
  ResponseSet set = parsed(wrap("<ItemQueryRs statusCode=\"0\" statusSeverity=\"Info\">" + body + "</ItemQueryRs>"));
  const auto& items = set.responses.at(0).items;
  REQUIRE(items.size() == std::size(kinds));
  for (std::size_t i = 0; i < items.size(); ++i) {
    CHECK(items[i].kind == kinds[i].second);
    CHECK(items[i].full_name == kinds[i].first);
  }
}

TEST_CASE("service and non-inventory items take price and description from their sales block") {
  ResponseSet set = parsed(wrap(
      "<ItemQueryRs statusCode=\"0\" statusSeverity=\"Info\">"
      "<ItemServiceRet><Name>Install</Name><SalesOrPurchase><Desc>Installation</Desc><Price>45.5</Price>"
      "</SalesOrPurchase></ItemServiceRet>"
      "<ItemNonInventoryRet><Name>Gift</Name><SalesAndPurchase><SalesDesc>Gift wrap</SalesDesc>"
      "<SalesPrice>3.00</SalesPrice></SalesAndPurchase></ItemNonInventoryRet></ItemQueryRs>"));
  const auto& items = set.responses.at(0).items;
  CHECK(items.at(0).description == "Installation");
  CHECK(items.at(0).sales_price == dec("45.5"));
  CHECK(items.at(1).description == "Gift wrap");
  CHECK(items.at(1).sales_price == dec("3.00"));
}

TEST_CASE("a journal entry response lists debit and credit lines") {
  ResponseSet set = parsed(wrap(
      "<JournalEntryAddRs requestID=\"je-1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">"
      "<JournalEntryRet><TxnID>1F-1417118700</TxnID><EditSequence>1417118700</EditSequence><TxnNumber>65</TxnNumber>"
      "<TxnDate>2024-05-02</TxnDate><RefNumber>SSFEE0502</RefNumber>"
      "<JournalDebitLine><TxnLineID>21-1</TxnLineID><AccountRef><FullName>Postage</FullName></AccountRef>"
      "<Amount>12.34</Amount><Memo>fees</Memo></JournalDebitLine>"
      "<JournalCreditLine><TxnLineID>22-1</TxnLineID><AccountRef><FullName>Checking</FullName></AccountRef>"
      "<Amount>12.34</Amount></JournalCreditLine></JournalEntryRet></JournalEntryAddRs>"));
  const JournalEntry& je = set.find("je-1")->journal_entries.at(0);
  CHECK(je.txn_id == "1F-1417118700");
  CHECK(je.txn_number == 65);
  REQUIRE(je.lines.size() == 2);
  CHECK(je.lines[0].side == JournalLine::Side::debit);
  CHECK(je.lines[0].memo == "fees");
  CHECK(je.lines[1].side == JournalLine::Side::credit);
  CHECK(je.lines[1].account.full_name == "Checking");
  CHECK(je.lines[1].amount == dec("12.34"));
}

TEST_CASE("a void response gives the voided TxnID") {
  ResponseSet set = parsed(wrap(
      "<TxnVoidRs requestID=\"v\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">"
      "<TxnVoidType>Invoice</TxnVoidType><TxnID>C5-1417118624</TxnID>"
      "<TimeModified>2024-06-01T10:00:00-07:00</TimeModified></TxnVoidRs>"));
  REQUIRE(set.responses.at(0).voided.has_value());
  CHECK(set.responses[0].voided->txn_id == "C5-1417118624");
  CHECK(set.responses[0].voided->txn_void_type == "Invoice");
}

TEST_CASE("character references in responses come back as UTF-8") {
  ResponseSet set = parsed(wrap(
      "<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\"><CustomerRet>"
      "<Name>Zo&#235; M&#xFC;ller &amp; Co</Name></CustomerRet></CustomerQueryRs>"));
  CHECK(set.responses.at(0).customers.at(0).name == "Zoë Müller & Co");
}

TEST_CASE("error recovery status on the message set is read") {
  ResponseSet set = parsed(
      "<QBXML><QBXMLMsgsRs newMessageSetID=\"b1f2c3d4\" messageSetStatusCode=\"0\"></QBXMLMsgsRs></QBXML>");
  CHECK(set.new_message_set_id == "b1f2c3d4");
  CHECK(set.message_set_status_code == 0);
  CHECK(set.responses.empty());
}

TEST_CASE("a bad number says what and where, with the element path and line") {
  ParseError e = parse_error(wrap(
      "<ItemQueryRs statusCode=\"0\" statusSeverity=\"Info\">\n"
      "<ItemInventoryRet><Name>A</Name><QuantityOnHand>1</QuantityOnHand></ItemInventoryRet>\n"
      "<ItemInventoryRet><Name>B</Name>\n<QuantityOnHand>12,5</QuantityOnHand></ItemInventoryRet>\n"
      "</ItemQueryRs>\n"));
  CHECK(e.path == "QBXML/QBXMLMsgsRs/ItemQueryRs/ItemInventoryRet[2]/QuantityOnHand");
  CHECK(e.line == 7);
  CHECK(e.message.find("'12,5' is not a decimal number") != std::string::npos);
  CHECK(e.to_string().find(" at QBXML/QBXMLMsgsRs/ItemQueryRs/ItemInventoryRet[2]/QuantityOnHand (line 7)") !=
        std::string::npos);
}

TEST_CASE("a response without statusCode is an error") {
  ParseError e = parse_error(wrap("<CustomerQueryRs statusSeverity=\"Info\"/>"));
  CHECK(e.message == "statusCode is missing");
  CHECK(e.path == "QBXML/QBXMLMsgsRs/CustomerQueryRs");
}

TEST_CASE("an unknown statusSeverity is an error") {
  CHECK(parse_error(wrap("<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Fine\"/>")).message ==
        "statusSeverity \"Fine\" is not Info, Warn or Error");
}

TEST_CASE("text that is not well-formed is an error with the line") {
  ParseError e = parse_error("<QBXML>\n<QBXMLMsgsRs>\n<CustomerQueryRs statusCode=\"0\">\n</QBXML>");
  CHECK(e.message.starts_with("not well-formed XML"));
  CHECK(e.line > 0);
}

TEST_CASE("a DTD with entity definitions is refused") {
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE QBXML [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
      "<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"&b;\"/>"
      "</QBXMLMsgsRs></QBXML>";
  auto set = parse_response_set(laughs);
  REQUIRE_FALSE(set.has_value());
}

TEST_CASE("a plain DOCTYPE is refused") {
  CHECK(parse_error("<!DOCTYPE QBXML SYSTEM \"http://example.com/x.dtd\"><QBXML><QBXMLMsgsRs/></QBXML>").message ==
        "DTDs and <!...> declarations are not accepted");
}

TEST_CASE("unknown entities are left as text, never expanded") {
  ResponseSet set = parsed(wrap("<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"x &ext; y\"/>"));
  CHECK(set.responses.at(0).status.message == "x &ext; y");
}

TEST_CASE("documents nested deeper than the limit are refused") {
  std::string deep;
  for (int i = 0; i < kMaxElementDepth; ++i) deep += "<a>";
  for (int i = 0; i < kMaxElementDepth; ++i) deep += "</a>";
  ParseError e = parse_error(wrap("<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\">" + deep + "</CustomerQueryRs>"));
  CHECK(e.message == "elements nested deeper than 32");
}

TEST_CASE("a document nested hundreds of thousands of levels deep is refused without exhausting the stack") {
  std::string deep;
  for (int i = 0; i < 200'000; ++i) deep += "<a>";
  CHECK_FALSE(parse_response_set(wrap(deep)).has_value());
}

TEST_CASE("a document without QBXMLMsgsRs is an error") {
  CHECK(parse_error("<QBXML><SignonMsgsRs/></QBXML>").message == "QBXML has no QBXMLMsgsRs");
  CHECK(parse_error("<Envelope/>").message == "the root element is not QBXML");
}
