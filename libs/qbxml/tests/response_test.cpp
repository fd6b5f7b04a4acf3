// Every qbXML response sample in ../shared/qbwc-samples/qbxml parses with the right values.
// The request samples there (*_rq*, intuit-sdk-samples/) are not responses and are skipped; see
// "request samples are refused as responses".
#include <catch2/catch.hpp>

#include "response_support.hpp"

using namespace ml::qbxml;
using namespace ml::qbxml::testing;
using namespace std::chrono;

#define LOAD_SAMPLE(var, name)   \
  auto var##_text = sample(name); \
  if (!var##_text) return;        \
  ResponseSet var = parsed(*var##_text)

TEST_CASE("sample: AccountQueryRs status and requestID") {
  LOAD_SAMPLE(set, "account_query_rs.qbwc-qbxml.xml");
  REQUIRE(set.responses.size() == 1);
  CHECK(set.responses[0].kind == "AccountQueryRs");
  CHECK(set.responses[0].request_id == "52");
  CHECK(set.responses[0].verdict().outcome == Outcome::ok);
}

TEST_CASE("sample: CustomerAddRs from cgunther") {
  LOAD_SAMPLE(set, "customer_add_rs.cgunther.xml");
  const Customer& c = set.responses.at(0).customers.at(0);
  CHECK(c.list_id == "80000006-1354334808");
  CHECK(c.edit_sequence == "1354334808");
  CHECK(c.name == "Test Inc");
  CHECK(c.is_active);
  CHECK(c.total_balance == dec("0.00"));
}

TEST_CASE("sample: CustomerAddRs from qbwc-qbxml") {
  LOAD_SAMPLE(set, "customer_add_rs.qbwc-qbxml.xml");
  const Response& r = set.responses.at(0);
  CHECK(r.request_id == "15");
  const Customer& c = r.customers.at(0);
  CHECK(c.list_id == "F540000-1197683154");
  CHECK(c.full_name == "20706 - Eastern XYZ University");
  CHECK(c.company_name == "Eastern XYZ University");
  CHECK(c.email == "keith@consolibyte.com");
  CHECK(c.time_modified == "2007-12-14T20:45:54-05:00");
}

TEST_CASE("sample: CustomerAddRs from qbwc, both variants") {
  LOAD_SAMPLE(first, "customer_add_rs.qbwc.xml");
  const Customer& c = first.responses.at(0).customers.at(0);
  CHECK(c.name == "mrjoecustomer");
  CHECK(c.full_name == "Joseph Customer");
  CHECK(c.first_name == "Joe");
  LOAD_SAMPLE(second, "customer_add_rs_2.qbwc.xml");
  CHECK(second.responses.at(0).customers.at(0).list_id == "8000007B-1420967073");
  CHECK(second.responses.at(0).customers.at(0).email == "joecustomer@gmail.com");
}

TEST_CASE("sample: CustomerQueryRs with an iterator") {
  LOAD_SAMPLE(set, "customer_query_iterator_rs.qbwc-qbxml.xml");
  const Response& r = set.responses.at(0);
  CHECK(r.iterator_remaining_count == 18);
  CHECK(r.iterator_id == "{eb05f701-e727-472f-8ade-6753c4f67a46}");
  CHECK(r.customers.at(0).name == "10th Customer");
  CHECK(r.customers.at(0).sublevel == 0);
}

TEST_CASE("sample: CustomerQueryRs with one customer") {
  LOAD_SAMPLE(set, "customer_query_rs.qbwc-qbxml.xml");
  const Response& r = set.responses.at(0);
  CHECK(r.request_id == "Q3VzdG9tZXJRdWVyeXwyODk2");
  const Customer& c = r.customers.at(0);
  CHECK(c.edit_sequence == "1213155356");
  CHECK(c.phone == "(860) 634-1602");
  CHECK(c.balance == dec("250.00"));
}

TEST_CASE("sample: CustomerQueryRs with hand-ordered fields") {
  LOAD_SAMPLE(set, "customer_query_rs_status0.qbwc.xml");
  const Customer& c = set.responses.at(0).customers.at(0);
  CHECK(c.name == "myUserName");
  CHECK(c.time_modified == "2005-07-30T21:11:20-05:00");
}

TEST_CASE("sample: CustomerQueryRs error 3120 with quotes in the message") {
  LOAD_SAMPLE(set, "customer_query_rs_error3120.qbwc.xml");
  const Response& r = set.responses.at(0);
  CHECK(r.status.code == 3120);
  CHECK(r.status.severity == Severity::error);
  CHECK(r.status.message.starts_with("Object \"8000001B-1405768916\" specified in the request cannot be found."));
  CHECK(r.verdict().outcome == Outcome::final_error);
}

TEST_CASE("sample: CustomerQueryRs warning 500 is a partial result") {
  LOAD_SAMPLE(set, "customer_query_rs_warn500.qbwc.xml");
  CHECK(set.responses.at(0).status.severity == Severity::warn);
  CHECK(set.responses.at(0).verdict().outcome == Outcome::partial);
}

TEST_CASE("sample: the HCP response holds three responses in order") {
  LOAD_SAMPLE(set, "hcp_response_QBPro2014.qbwc.fixed.xml");
  REQUIRE(set.responses.size() == 3);
  CHECK(set.responses[0].kind == "HostQueryRs");
  CHECK(set.responses[1].kind == "CompanyQueryRs");
  CHECK(set.responses[2].kind == "PreferencesQueryRs");
  CHECK(set.find("1") == &set.responses[1]);
}

TEST_CASE("sample: InvoiceAddRs with its line") {
  LOAD_SAMPLE(set, "invoice_add_rs.flowlink.xml");
  const Invoice& inv = set.responses.at(0).invoices.at(0);
  CHECK(inv.txn_id == "C5-1417118624");
  CHECK(inv.edit_sequence == "1417118624");
  CHECK(inv.txn_number == 64);
  CHECK(inv.customer.full_name == "spree@example.com");
  CHECK(inv.txn_date == 2014y / February / 3);
  CHECK(inv.ref_number == "R1TT46883");
  CHECK(inv.subtotal == dec("206.00"));
  CHECK(inv.is_paid == false);
  REQUIRE(inv.lines.size() == 1);
  CHECK(inv.lines[0].txn_line_id == "C7-1417118624");
  CHECK(inv.lines[0].item.list_id == "80000034-1415899267");
  CHECK(inv.lines[0].quantity == dec("2"));
  CHECK(inv.lines[0].rate == dec("103.00"));
  CHECK(inv.lines[0].amount == dec("206.00"));
}

TEST_CASE("sample: ItemInventoryAddRs") {
  LOAD_SAMPLE(set, "item_inventory_add_rs.qbwc-qbxml.xml");
  const Item& item = set.responses.at(0).items.at(0);
  CHECK(item.kind == ItemKind::inventory);
  CHECK(item.list_id == "8000085A-1231522945");
  CHECK(item.sales_price == dec("85.00"));
  CHECK(item.description == "your sales description here");
  CHECK(item.quantity_on_hand == dec("0"));
}

TEST_CASE("sample: ItemInventoryModRs 3200 is a stale EditSequence") {
  LOAD_SAMPLE(set, "item_inventory_mod_rs_error3200.SYNTHETIC.xml");
  CHECK(set.responses.at(0).request_id == "1");
  CHECK(set.responses.at(0).verdict().outcome == Outcome::edit_sequence_stale);
}

TEST_CASE("sample: ItemInventoryQueryRs with 16 real items") {
  LOAD_SAMPLE(set, "item_inventory_query_rs.flowlink.xml");
  const auto& items = set.responses.at(0).items;
  REQUIRE(items.size() == 16);
  const Item& haskell = items[1];
  CHECK(haskell.name == "Haskell T-Shirt");
  CHECK(haskell.edit_sequence == "1415668976");
  CHECK(haskell.quantity_on_hand == dec("300"));
  CHECK(haskell.average_cost == dec("4.00"));
  CHECK(haskell.sales_price == dec("55.00"));
  CHECK(items[0].full_name == "12797");
}

TEST_CASE("sample: ItemQueryRs with an assembly whose QuantityOnHand is negative") {
  LOAD_SAMPLE(set, "item_query_rs_assembly.consolibyte.xml");
  const Item& item = set.responses.at(0).items.at(0);
  CHECK(item.kind == ItemKind::inventory_assembly);
  CHECK(item.full_name == "Retail 12oz bags-BOM:esp-boss-12");
  CHECK(item.quantity_on_hand == dec("-281"));
  CHECK(item.quantity_on_hand->is_negative());
  CHECK(item.average_cost == dec("2.695"));
  CHECK(item.sales_price == dec("13.00"));
}

TEST_CASE("sample: ItemQueryRs iterator pages") {
  LOAD_SAMPLE(first, "item_query_rs_iterator_page1.SYNTHETIC.xml");
  CHECK(first.responses.at(0).iterator_remaining_count == 29);
  CHECK(first.responses.at(0).iterator_id == "{6b474085-9943-46e2-ad71-d0a5aba9e948}");
  CHECK(first.responses.at(0).items.size() == 3);
  LOAD_SAMPLE(last, "item_query_rs_iterator_last_page.SYNTHETIC.xml");
  CHECK(last.responses.at(0).iterator_remaining_count == 0);
  CHECK(last.responses.at(0).request_id == "2");
  CHECK(last.responses.at(0).items.at(0).name == "SPREE-T-SHIRT6978711");
}

TEST_CASE("sample: PurchaseOrderQueryRs keeps the header, skips unmodelled records") {
  LOAD_SAMPLE(set, "purchase_order_query_rs.qbwc-qbxml.xml");
  const Response& r = set.responses.at(0);
  CHECK(r.kind == "PurchaseOrderQueryRs");
  CHECK(r.iterator_remaining_count == 0);
  CHECK(r.iterator_id == "{ee76b904-7ef8-4b83-9841-63d4715a273b}");
}

TEST_CASE("sample: ReceivePaymentQueryRs and SalesReceiptAddRs headers") {
  LOAD_SAMPLE(payment, "receive_payment_query_rs.qbwc-qbxml.xml");
  CHECK(payment.responses.at(0).request_id == "UmVjZWl2ZVBheW1lbnRRdWVyeXwyNDg0LTEyNjM0OTkyMzE=");
  LOAD_SAMPLE(receipt, "sales_receipt_add_rs.qbwc-qbxml.xml");
  CHECK(receipt.responses.at(0).kind == "SalesReceiptAddRs");
  CHECK(receipt.responses.at(0).status.code == 0);
}

TEST_CASE("sample: a four-response set with an error in the middle of the work") {
  LOAD_SAMPLE(set, "sales_order_add_rs_multi_with_error3140.flowlink.xml");
  REQUIRE(set.responses.size() == 4);
  CHECK(set.responses[0].verdict().outcome == Outcome::no_match);
  CHECK(set.responses[1].verdict().outcome == Outcome::no_match);
  CHECK(set.responses[2].kind == "SalesOrderAddRs");
  CHECK(set.responses[2].verdict().outcome == Outcome::ok);
  CHECK(set.responses[3].status.code == 3140);
  Verdict v = set.responses[3].verdict();
  CHECK(v.outcome == Outcome::final_error);
  CHECK(v.reason.find("\"nononononoImNotThereAlrightDylan\"") != std::string::npos);
}

TEST_CASE("request samples are refused as responses") {
  for (const char* name : {"customer_add_rq.qbwc-qbxml.xml", "customer_add_rq_v7.qbwc.xml",
                           "customer_query_iterator_rq.qbwc-qbxml.xml", "invoice_add_rq.qbwc-qbxml.xml",
                           "item_inventory_add_rq.qbwc-qbxml.xml", "item_query_rq_iterator_continue.SYNTHETIC.xml",
                           "item_query_rq_iterator_start.SYNTHETIC.xml"}) {
    auto text = sample(name);
    if (!text) return;
    auto set = parse_response_set(*text);
    INFO(name);
    REQUIRE_FALSE(set.has_value());
    CHECK(set.error().message == "QBXML has no QBXMLMsgsRs");
  }
}
