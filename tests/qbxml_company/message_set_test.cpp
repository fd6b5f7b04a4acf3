#include <catch2/catch.hpp>

#include <set>

#include "company_session.hpp"

using namespace ml::qbxml_company;
using namespace std::chrono_literals;
namespace qbxml = ml::qbxml;

namespace {

qbxml::InvoiceAdd invoice_for(std::string customer, std::string ref_number) {
  qbxml::InvoiceAdd add;
  add.customer.full_name = std::move(customer);
  add.ref_number = std::move(ref_number);
  qbxml::InvoiceLine widgets;
  widgets.item.full_name = "WIDGET-02";
  widgets.quantity = dec("1");
  widgets.rate = dec("21.50");
  widgets.amount = dec("21.50");
  add.lines = {widgets};
  return add;
}

qbxml::JournalLine journal_line(qbxml::JournalLine::Side side, std::string account, std::string_view amount) {
  qbxml::JournalLine l;
  l.side = side;
  l.account.full_name = std::move(account);
  l.amount = dec(amount);
  return l;
}

}  // namespace

TEST_CASE("a balanced JournalEntryAdd is accepted and read back with its debit and credit lines") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  qbxml::JournalEntryAdd add;
  add.txn_date = 2024y / std::chrono::May / 2d;
  add.ref_number = "SSFEE0502";
  add.lines = {journal_line(qbxml::JournalLine::Side::debit, "Postage and Delivery", "12.34"),
               journal_line(qbxml::JournalLine::Side::credit, "Checking", "12.34")};
  add.lines[0].memo = "label fees & insurance";
  const qbxml::Response r = only_response(qb->exchange(message_set().add("je-1", add)));

  CHECK(r.status.code == 0);
  CHECK(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.journal_entries.size() == 1);
  const qbxml::JournalEntry& entry = r.journal_entries[0];
  CHECK(entry.txn_id == qb->company().journal_entries.back().txn_id);
  CHECK(entry.ref_number == "SSFEE0502");
  CHECK(entry.txn_date == 2024y / std::chrono::May / 2d);
  REQUIRE(entry.lines.size() == 2);
  CHECK(entry.lines[0].side == qbxml::JournalLine::Side::debit);
  CHECK(entry.lines[0].account.full_name == "Postage and Delivery");
  CHECK(*entry.lines[0].amount == dec("12.34"));
  CHECK(entry.lines[0].memo == "label fees & insurance");
  CHECK(entry.lines[1].side == qbxml::JournalLine::Side::credit);
  CHECK(entry.lines[1].account.full_name == "Checking");
  CHECK(*entry.lines[1].amount == dec("12.34"));
}

TEST_CASE("under stopOnError a failing middle request is answered and the requests after it are not") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const auto set = qb->exchange(message_set(qbxml::OnError::stop_on_error)
                                    .add("first", invoice_for("Jane Doe", "STOP-1"))
                                    .add("middle", invoice_for("Nobody Of That Name", "STOP-2"))
                                    .add("last", invoice_for("Acme Corp", "STOP-3")));

  REQUIRE(set.responses.size() == 2);
  REQUIRE(set.find("first"));
  CHECK(set.find("first")->verdict().outcome == qbxml::Outcome::ok);
  CHECK(set.find("first")->invoices.at(0).ref_number == "STOP-1");
  REQUIRE(set.find("middle"));
  CHECK(set.find("middle")->status.code == 3140);
  CHECK(set.find("middle")->verdict().outcome == qbxml::Outcome::final_error);
  CHECK(set.find("last") == nullptr);

  qbxml::InvoiceQuery query;
  query.ref_numbers = {"STOP-3"};
  CHECK(only_response(qb->exchange(message_set().add("q", query))).verdict().outcome == qbxml::Outcome::no_match);
}

TEST_CASE("the responses of a set sent with newMessageSetID are recovered with oldMessageSetID") {
  auto qb = CompanySession::open_small();
  if (!qb) return;
  const auto sent = qb->exchange(message_set().new_message_set_id("posting-7").add("inv-7", invoice_for("Jane Doe", "REC-7")));
  CHECK(sent.new_message_set_id == "posting-7");
  CHECK(sent.message_set_status_code == 0);
  const qbxml::Response original = only_response(sent);
  REQUIRE(original.invoices.size() == 1);

  qb->new_session();
  const auto recovered = qb->exchange(message_set().old_message_set_id("posting-7"));

  CHECK(recovered.message_set_status_code == 0);
  const qbxml::Response r = only_response(recovered);
  CHECK(r.kind == "InvoiceAddRs");
  CHECK(r.request_id == "inv-7");
  CHECK(r.verdict().outcome == qbxml::Outcome::ok);
  REQUIRE(r.invoices.size() == 1);
  CHECK(r.invoices[0].txn_id == original.invoices[0].txn_id);
  CHECK(r.invoices[0].edit_sequence == original.invoices[0].edit_sequence);
  CHECK(r.invoices[0].ref_number == "REC-7");
  CHECK(*r.invoices[0].subtotal == dec("21.50"));
}

TEST_CASE("a locked company answers writes 3175 or 3180, classified transient") {
  auto qb = CompanySession::open_small(ml::qbwc_sim::FaultPlan::parse("lock=1").value());
  if (!qb) return;
  auto set = message_set(qbxml::OnError::continue_on_error);
  for (int i = 0; i < 6; ++i) set.add("w" + std::to_string(i), invoice_for("Jane Doe", "LOCK-" + std::to_string(i)));
  const auto answered = qb->exchange(set);

  REQUIRE(answered.responses.size() == 6);
  std::set<int> codes;
  for (const auto& r : answered.responses) {
    INFO(r.request_id << ": " << r.status.code << " " << r.status.message);
    codes.insert(r.status.code);
    CHECK(r.status.severity == qbxml::Severity::error);
    CHECK(r.verdict().outcome == qbxml::Outcome::transient);
    CHECK_THAT(r.verdict().reason, Catch::Contains(r.status.message));
    CHECK(r.invoices.empty());
  }
  CHECK(codes == std::set<int>{3175, 3180});
}
