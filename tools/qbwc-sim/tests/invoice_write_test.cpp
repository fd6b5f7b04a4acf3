#include <catch2/catch.hpp>

#include <regex>

#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

namespace {

std::string mod(const std::string& txn, const std::string& edit, const std::string& body) {
  return "<InvoiceModRq requestID=\"m\"><InvoiceMod><TxnID>" + txn + "</TxnID><EditSequence>" + edit +
         "</EditSequence>" + body + "</InvoiceMod></InvoiceModRq>";
}

}  // namespace

TEST_CASE("InvoiceAdd creates an invoice with QuickBooks-shaped ids and totals") {
  Fixture f;
  Response r(f.process(invoice_add()));
  CHECK(r.status() == 0);
  CHECK(std::regex_match(r.find("TxnID"), std::regex("[0-9A-F]+-[0-9]{10}")));
  CHECK(std::regex_match(r.find("EditSequence"), std::regex("[0-9]+")));
  CHECK(r.find("TxnNumber") == "3");
  CHECK(r.find("TimeCreated") == "2024-01-03T09:00:00-05:00");
  CHECK(r.find("Amount") == "39.98");
  CHECK(r.find("Subtotal") == "47.48");
  CHECK(r.count_named("InvoiceLineRet") == 2);
  CHECK(f.company.invoices.size() == 3);
}

TEST_CASE("InvoiceAdd with an unknown customer is error 3140 and adds nothing") {
  Fixture f;
  std::string body = invoice_add();
  body.replace(body.find("Jane Doe"), 8, "Joe Smith");
  Response r(f.process(body));
  CHECK(r.status() == 3140);
  CHECK(r.message() == "There is an invalid reference to QuickBooks Customer \"Joe Smith\" in the Invoice.  QuickBooks "
                       "error message: Invalid argument.  The specified record does not exist in the list.");
  CHECK(r.rs().FirstChildElement() == nullptr);
  CHECK(f.company.invoices.size() == 2);
}

TEST_CASE("InvoiceAdd with an unknown item is error 3140") {
  Fixture f;
  std::string body = invoice_add();
  body.replace(body.find("WIDGET-01"), 9, "WIDGET-99");
  Response r(f.process(body));
  CHECK(r.status() == 3140);
  CHECK(r.message().find("QuickBooks Item \"WIDGET-99\"") != std::string::npos);
}

TEST_CASE("InvoiceAdd takes sold inventory off QuantityOnHand and adds to the customer's balance") {
  Fixture f;
  f.process(invoice_add());
  CHECK(f.company.find_item({"", "WIDGET-01"})->quantity_on_hand == ml::core::Decimal::from_string("116"));
  CHECK(f.company.find_customer({"", "Jane Doe"})->balance == ml::core::Decimal::from_string("92.41"));
}

TEST_CASE("InvoiceAdd prices a line from the item when no rate or amount is sent") {
  Fixture f;
  Response r(f.process("<InvoiceAddRq><InvoiceAdd><CustomerRef><FullName>Acme Corp</FullName></CustomerRef>"
                       "<InvoiceLineAdd><ItemRef><FullName>GADGET-01</FullName></ItemRef><Quantity>3</Quantity></InvoiceLineAdd>"
                       "<InvoiceLineAdd><ItemRef><FullName>Discount 10%</FullName></ItemRef></InvoiceLineAdd>"
                       "</InvoiceAdd></InvoiceAddRq>"));
  CHECK(r.find("Subtotal") == "132.30");
  CHECK(r.find("RefNumber") == "1003");
}

TEST_CASE("a RefNumber longer than 11 characters rejects the whole set like QuickBooks' parser") {
  Fixture f;
  const auto result = f.process_raw(request_set(invoice_add("SS-1234567890")));
  CHECK(result.hresult == "0x80040400");
  CHECK(result.message == "QuickBooks found an error when parsing the provided XML text stream.");
  CHECK(result.response.empty());
  CHECK(f.company.invoices.size() == 2);
}

TEST_CASE("without a schema QuickBooks' field lengths still reject the set") {
  Fixture f({}, false);
  CHECK_FALSE(f.quickbooks->validates_requests());
  CHECK(f.process_raw(request_set(invoice_add("SS-1234567890"))).hresult == "0x80040400");
  CHECK(f.log_text.str().find("validation skipped") != std::string::npos);
}

TEST_CASE("text outside ISO-8859-1 is stored as question marks") {
  Fixture f;
  std::string body = invoice_add();
  body.replace(body.find("ShipStation order"), 17, "Zoë 東京 order");
  Response r(f.process(body));
  CHECK(r.find("Memo") == "Zoë ?? order");
}

TEST_CASE("InvoiceMod with a stale EditSequence is error 3200") {
  Fixture f;
  const std::string txn = f.company.invoices[0].txn_id;
  Response r(f.process(mod(txn, "1416315972", "<Memo>x</Memo>")));
  CHECK(r.status() == 3200);
  CHECK(r.message() == "The provided edit sequence \"1416315972\" is out-of-date. ");
}

TEST_CASE("InvoiceMod changes the EditSequence and TimeModified") {
  Fixture f;
  const Invoice before = f.company.invoices[0];
  f.clock->advance(std::chrono::minutes(5));
  Response r(f.process(mod(before.txn_id, before.stamp.edit_sequence, "<Memo>updated</Memo>")));
  CHECK(r.status() == 0);
  CHECK(r.find("EditSequence") != before.stamp.edit_sequence);
  CHECK(r.find("TimeModified") == "2024-01-03T09:05:00-05:00");
  CHECK(r.find("Memo") == "updated");
  CHECK(r.count_named("InvoiceLineRet") == 2);
}

TEST_CASE("InvoiceMod deletes the lines it does not send and adds TxnLineID -1 lines") {
  Fixture f;
  const Invoice before = f.company.invoices[0];
  const std::string keep = before.lines[0].txn_line_id;
  Response r(f.process(mod(before.txn_id, before.stamp.edit_sequence,
                           "<InvoiceLineMod><TxnLineID>" + keep + "</TxnLineID><Quantity>3</Quantity></InvoiceLineMod>"
                           "<InvoiceLineMod><TxnLineID>-1</TxnLineID><ItemRef><FullName>Installation</FullName></ItemRef>"
                           "<Amount>75.00</Amount></InvoiceLineMod>")));
  CHECK(r.count_named("InvoiceLineRet") == 2);
  CHECK(r.find("TxnLineID") == keep);
  CHECK(r.find("Amount") == "59.97");
  CHECK(r.find("Subtotal") == "134.97");
  CHECK(f.company.find_item({"", "WIDGET-01"})->quantity_on_hand == ml::core::Decimal::from_string("117"));
}

TEST_CASE("InvoiceMod that re-enters the lines of a void invoice makes it an open invoice again") {
  Fixture f;
  const std::string txn = f.company.invoices[0].txn_id;
  f.process("<TxnVoidRq><TxnVoidType>Invoice</TxnVoidType><TxnID>" + txn + "</TxnID></TxnVoidRq>");
  REQUIRE(f.company.find_invoice(txn)->voided);
  Response r(f.process(mod(txn, f.company.find_invoice(txn)->stamp.edit_sequence,
                           "<InvoiceLineMod><TxnLineID>-1</TxnLineID><ItemRef><FullName>Installation</FullName></ItemRef>"
                           "<Amount>75.00</Amount></InvoiceLineMod>")));
  CHECK(r.status() == 0);
  CHECK_FALSE(f.company.find_invoice(txn)->voided);
  CHECK(r.find("Subtotal") == "75.00");
}
