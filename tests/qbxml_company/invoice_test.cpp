#include <catch2/catch.hpp>

#include "company_session.hpp"
#include "ml/qbxml/text.hpp"

using namespace ml::qbxml_company;
using namespace std::chrono_literals;
namespace qbxml = ml::qbxml;

namespace {

qbxml::InvoiceLine line(std::string item, std::optional<std::string_view> amount = std::nullopt) {
  qbxml::InvoiceLine l;
  l.item.full_name = std::move(item);
  if (amount) l.amount = dec(*amount);
  return l;
}

// 2 × WIDGET-01, the 10% discount on it (priced by QuickBooks), shipping and a sales tax line.
qbxml::InvoiceAdd shipstation_order() {
  qbxml::InvoiceAdd add;
  add.customer.full_name = "Jane Doe";
  add.txn_date = 2024y / std::chrono::May / 2d;
  add.ref_number = "SS-100234";
  add.po_number = R"(PO "A&B" 100234)";
  add.memo = "Zoë Müller-Łukasz ordered 東京 “special” & 'rush' <fragile>";
  add.external_guid = "6B29FC40-CA47-1067-B31D-00DD010662DA";
  qbxml::InvoiceLine widgets = line("WIDGET-01", "39.98");
  widgets.desc = R"(Blue widget "XL" & strap)";
  widgets.quantity = dec("2");
  widgets.rate = dec("19.99");
  add.lines = {widgets, line("Discount 10%"), line("Shipping", "7.50"), line("CA Sales Tax", "2.61")};
  return add;
}

qbxml::Invoice query_by_ref_number(CompanySession& qb, const std::string& ref_number) {
  qbxml::InvoiceQuery query;
  query.ref_numbers = {ref_number};
  query.include_line_items = true;
  const qbxml::Response r = only_response(qb.exchange(message_set().add("find-" + ref_number, query)));
  REQUIRE(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.invoices.size() == 1);
  return r.invoices[0];
}

ml::core::Decimal sum_of_lines(const qbxml::Invoice& invoice) {
  ml::core::Decimal sum;
  for (const auto& l : invoice.lines) sum += l.amount.value();
  return sum;
}

}  // namespace

TEST_CASE("an InvoiceAdd with item, discount, shipping and tax lines is accepted and read back") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Response r = only_response(qb->exchange(message_set().add("inv-1", shipstation_order())));

  REQUIRE(r.verdict().outcome == qbxml::Outcome::ok);
  CHECK(r.status.code == 0);
  REQUIRE(r.invoices.size() == 1);
  const qbxml::Invoice& invoice = r.invoices[0];
  CHECK(invoice.txn_id == qb->company().invoices.back().txn_id);
  CHECK(invoice.edit_sequence == qb->company().invoices.back().stamp.edit_sequence);
  CHECK_FALSE(invoice.edit_sequence.empty());
  CHECK(invoice.ref_number == "SS-100234");
  CHECK(invoice.customer.full_name == "Jane Doe");
  CHECK(invoice.external_guid == "{6B29FC40-CA47-1067-B31D-00DD010662DA}");
  REQUIRE(invoice.lines.size() == 4);
  CHECK(invoice.lines[0].item.full_name == "WIDGET-01");
  CHECK(invoice.lines[0].desc == R"(Blue widget "XL" & strap)");
  CHECK(*invoice.lines[0].quantity == dec("2"));
  CHECK(*invoice.lines[0].rate == dec("19.99"));
  CHECK(*invoice.lines[0].amount == dec("39.98"));
  CHECK(invoice.lines[1].item.full_name == "Discount 10%");
  CHECK(*invoice.lines[1].amount == dec("-4.00"));
  CHECK(invoice.lines[2].item.full_name == "Shipping");
  CHECK(*invoice.lines[2].amount == dec("7.50"));
  CHECK(invoice.lines[3].item.full_name == "CA Sales Tax");
  CHECK(*invoice.lines[3].amount == dec("2.61"));
  for (const auto& l : invoice.lines) CHECK_FALSE(l.txn_line_id.empty());
}

TEST_CASE("the Subtotal QuickBooks reports equals the sum of the line amounts exactly") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Response r = only_response(qb->exchange(message_set().add("inv-1", shipstation_order())));

  REQUIRE(r.invoices.size() == 1);
  REQUIRE(r.invoices[0].subtotal);
  CHECK(*r.invoices[0].subtotal == sum_of_lines(r.invoices[0]));
  CHECK(r.invoices[0].subtotal->to_string() == "46.09");
}

TEST_CASE("text outside ISO-8859-1, ampersands, quotes and angle brackets survive as QuickBooks stores them") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Response r = only_response(qb->exchange(message_set().add("inv-1", shipstation_order())));

  REQUIRE(r.invoices.size() == 1);
  CHECK(r.invoices[0].memo == "Zoë Müller-Lukasz ordered ?? \"special\" & 'rush' <fragile>");
  CHECK(r.invoices[0].memo == qbxml::qb_text(shipstation_order().memo).value());
  CHECK(r.invoices[0].po_number == R"(PO "A&B" 100234)");
}

TEST_CASE("an InvoiceAdd for an unknown customer is 3140, final, with QuickBooks' message") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  qbxml::InvoiceAdd add = shipstation_order();
  add.customer.full_name = "Nobody Of That Name";
  const qbxml::Response r = only_response(qb->exchange(message_set().add("inv-2", add)));

  CHECK(r.status.code == 3140);
  CHECK(r.status.severity == qbxml::Severity::error);
  const std::string message = "There is an invalid reference to QuickBooks Customer \"Nobody Of That Name\" in the "
                              "Invoice.  QuickBooks error message: Invalid argument.  The specified record does not "
                              "exist in the list.";
  CHECK(r.status.message == message);
  CHECK(r.verdict().outcome == qbxml::Outcome::final_error);
  CHECK_THAT(r.verdict().reason, Catch::Contains(message));
  CHECK(r.invoices.empty());
}

TEST_CASE("an InvoiceMod with the queried EditSequence replaces the invoice's lines") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Invoice before = query_by_ref_number(*qb, "1001");
  REQUIRE(before.lines.size() == 2);

  qbxml::InvoiceMod mod;
  mod.txn_id = before.txn_id;
  mod.edit_sequence = before.edit_sequence;
  qbxml::InvoiceLine installation = line("Installation", "75.00");
  installation.txn_line_id = qbxml::kNewLine;
  qbxml::InvoiceLine shipping = line("Shipping", "7.50");
  shipping.txn_line_id = qbxml::kNewLine;
  mod.lines = {installation, shipping};
  const qbxml::Response r = only_response(qb->exchange(message_set().add("mod-1", mod)));

  REQUIRE(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.invoices.size() == 1);
  const qbxml::Invoice& after = r.invoices[0];
  CHECK(after.txn_id == before.txn_id);
  CHECK(after.edit_sequence != before.edit_sequence);
  REQUIRE(after.lines.size() == 2);
  CHECK(after.lines[0].item.full_name == "Installation");
  CHECK(after.lines[1].item.full_name == "Shipping");
  for (const auto& l : after.lines)
    for (const auto& old : before.lines) CHECK(l.txn_line_id != old.txn_line_id);
  CHECK(*after.subtotal == dec("82.50"));
  CHECK(query_by_ref_number(*qb, "1001").lines.size() == 2);
}

TEST_CASE("an InvoiceMod with a stale EditSequence is 3200, classified EditSequenceStale") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Invoice queried = query_by_ref_number(*qb, "1001");
  qbxml::InvoiceMod mod;
  mod.txn_id = queried.txn_id;
  mod.edit_sequence = queried.edit_sequence;
  mod.memo = "first change";
  REQUIRE(only_response(qb->exchange(message_set().add("mod-1", mod))).verdict().outcome == qbxml::Outcome::ok);

  mod.memo = "second change from the same stale copy";
  const qbxml::Response r = only_response(qb->exchange(message_set().add("mod-2", mod)));

  CHECK(r.status.code == 3200);
  CHECK(r.verdict().outcome == qbxml::Outcome::edit_sequence_stale);
  CHECK(r.status.message == "The provided edit sequence \"" + queried.edit_sequence + "\" is out-of-date. ");
  CHECK(query_by_ref_number(*qb, "1001").memo == "first change");
}

TEST_CASE("a voided invoice is still found, with zero amounts") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const qbxml::Invoice invoice = query_by_ref_number(*qb, "1001");
  REQUIRE_FALSE(invoice.subtotal->is_zero());

  const qbxml::Response r = only_response(qb->exchange(
      message_set().add("void-1", qbxml::TxnVoid{qbxml::TxnVoidType::invoice, invoice.txn_id})));
  REQUIRE(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.voided);
  CHECK(r.voided->txn_id == invoice.txn_id);
  CHECK(r.voided->txn_void_type == "Invoice");

  const qbxml::Invoice voided = query_by_ref_number(*qb, "1001");
  CHECK(voided.txn_id == invoice.txn_id);
  CHECK(voided.subtotal->is_zero());
  CHECK(voided.balance_remaining->is_zero());
  REQUIRE(voided.lines.size() == invoice.lines.size());
  for (const auto& l : voided.lines) CHECK(l.amount->is_zero());
}
