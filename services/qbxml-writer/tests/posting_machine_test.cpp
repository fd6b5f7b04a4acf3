#include <catch2/catch.hpp>

#include <string>

#include "ml/qbxml/posting_identity.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"

using namespace ml::qbxml_writer;
using namespace std::chrono_literals;
namespace msg = ml::messages;

namespace {

msg::PostingRequested requested(msg::PostingAction action, std::int64_t revision = 1, std::string key = "100234") {
  msg::PostingRequested r;
  r.posting_key = std::move(key);
  r.revision = revision;
  r.action = action;
  r.order_ids = {42};
  if (action != msg::PostingAction::void_txn) {
    msg::PostingTransaction tx;
    tx.txn_date = 2026y / std::chrono::November / 20;
    tx.ref_number = r.posting_key;
    tx.external_guid = "6f1d2c8e-4b3a-4f0d-9a57-2e61c38410b9";
    tx.customer_full_name = "Jane Doe";
    tx.lines.push_back({"WIDGET", "Blue widget", ml::core::Decimal::from_string("2"),
                        ml::core::Decimal::from_string("9.995"), ml::core::Decimal::from_string("19.99")});
    r.transaction = tx;
  }
  return r;
}

struct Fixture {
  int next = 0;
  PostingMachine machine{PostingSettings{"", 3, {}}, [this] { return "rq-" + std::to_string(++next); }};
};

std::string invoice_ret(const std::string& txn_id, const std::string& edit_sequence, const std::string& guid) {
  return "<InvoiceRet><TxnID>" + txn_id + "</TxnID><TimeCreated>2026-11-20T10:00:00-08:00</TimeCreated>"
         "<TimeModified>2026-11-20T10:00:00-08:00</TimeModified><EditSequence>" + edit_sequence +
         "</EditSequence><CustomerRef><FullName>Jane Doe</FullName></CustomerRef><TxnDate>2026-11-20</TxnDate>"
         "<RefNumber>100234</RefNumber><ExternalGUID>" + guid + "</ExternalGUID></InvoiceRet>";
}

msg::QbxmlResponse answered(const Posting& p, std::string kind, int code, std::string body = "") {
  msg::QbxmlResponse r;
  r.request_id = p.last_request_id;
  r.ticket = "t-1";
  r.status_code = code;
  const char* severity = code == 0 || code == 1 ? "Info" : "Error";
  r.status_severity = code == 0 || code == 1 ? msg::StatusSeverity::info : msg::StatusSeverity::error;
  r.status_message = code == 0 ? "Status OK" : "status " + std::to_string(code);
  r.response_xml = "<" + kind + " requestID=\"" + p.last_request_id + "\" statusCode=\"" + std::to_string(code) +
                   "\" statusSeverity=\"" + severity + "\" statusMessage=\"" + *r.status_message + "\">" + body +
                   "</" + kind + ">";
  return r;
}

msg::QbxmlResponse lost(const Posting& p) {
  msg::QbxmlResponse r;
  r.request_id = p.last_request_id;
  r.ticket = "t-1";
  r.outcome = msg::QbxmlOutcome::in_doubt;
  return r;
}

template <class T>
const T& only(const PostingDecision& d) {
  REQUIRE(d.messages.size() == 1);
  REQUIRE(std::holds_alternative<T>(d.messages[0]));
  return std::get<T>(d.messages[0]);
}

const std::string kGuid = ml::qbxml::external_guid_for("100234");

}  // namespace

TEST_CASE("a new add sends an InvoiceAdd at once and completes as created") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  const auto& rq = only<msg::QbxmlRequest>(d);
  CHECK(rq.kind == msg::QbxmlRequestKind::write);
  CHECK(rq.request_xml.starts_with("<InvoiceAddRq requestID=\"rq-1\">"));
  CHECK(rq.request_xml.find("<ExternalGUID>" + kGuid + "</ExternalGUID>") != std::string::npos);
  CHECK(rq.request_xml.find("<TxnDate>2026-11-20</TxnDate>") != std::string::npos);
  CHECK(d.posting.state == PostingState::sent);

  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 0, invoice_ret("T-1", "111", kGuid)));
  const auto& done = only<msg::PostingCompleted>(d);
  CHECK(done.outcome == msg::PostingOutcome::created);
  CHECK(done.txn_id == "T-1");
  CHECK(done.edit_sequence == "111");
  CHECK(d.posting.state == PostingState::posted);
}

TEST_CASE("a long order number is posted under its short RefNumber with the full number in PONumber") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add, 1, "AMZ-113-4567890"));
  const auto& rq = only<msg::QbxmlRequest>(d);
  CHECK(rq.request_xml.find("<RefNumber>" + ml::qbxml::ref_number_for("AMZ-113-4567890") + "</RefNumber>") != std::string::npos);
  CHECK(rq.request_xml.find("<PONumber>AMZ-113-4567890</PONumber>") != std::string::npos);
}

TEST_CASE("a lost answer to an add makes the posting in doubt") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, lost(d.posting));
  const auto& doubt = only<msg::PostingInDoubt>(d);
  CHECK(doubt.request_id == "rq-1");
  CHECK(d.posting.state == PostingState::in_doubt);
}

TEST_CASE("an in-doubt add found in QuickBooks at the next session is adopted, not added again") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, lost(d.posting));
  d = f.machine.on_session_started(d.posting);
  const auto& query = only<msg::QbxmlRequest>(d);
  CHECK(query.kind == msg::QbxmlRequestKind::query);
  CHECK(query.request_xml.find("<RefNumber>100234</RefNumber>") != std::string::npos);

  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-9", "5", kGuid)));
  const auto& done = only<msg::PostingCompleted>(d);
  CHECK(done.outcome == msg::PostingOutcome::adopted);
  CHECK(done.txn_id == "T-9");
  CHECK(d.posting.state == PostingState::posted);
}

TEST_CASE("an invoice with the same RefNumber but another ExternalGUID is not adopted") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, lost(d.posting));
  d = f.machine.on_session_started(d.posting);
  d = f.machine.on_response(
      d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-other", "5", ml::qbxml::external_guid_for("other"))));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.starts_with("<InvoiceAddRq"));
}

TEST_CASE("an in-doubt add absent from QuickBooks is added at the next session") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, lost(d.posting));
  d = f.machine.on_session_started(d.posting);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 1));
  const auto& add = only<msg::QbxmlRequest>(d);
  CHECK(add.request_xml.starts_with("<InvoiceAddRq"));
  CHECK(d.posting.state == PostingState::sent);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 0, invoice_ret("T-2", "1", kGuid)));
  CHECK(only<msg::PostingCompleted>(d).outcome == msg::PostingOutcome::created);
}

TEST_CASE("an update queries the EditSequence, then modifies with the full line set") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 0, invoice_ret("T-1", "111", kGuid)));
  d = f.machine.on_requested(d.posting, requested(msg::PostingAction::update, 2));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.find("<TxnID>T-1</TxnID>") != std::string::npos);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-1", "222", kGuid)));
  const auto& mod = only<msg::QbxmlRequest>(d).request_xml;
  CHECK(mod.starts_with("<InvoiceModRq"));
  CHECK(mod.find("<EditSequence>222</EditSequence>") != std::string::npos);
  CHECK(mod.find("<TxnLineID>-1</TxnLineID>") != std::string::npos);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceModRs", 0, invoice_ret("T-1", "333", kGuid)));
  const auto& done = only<msg::PostingCompleted>(d);
  CHECK(done.outcome == msg::PostingOutcome::updated);
  CHECK(done.revision == 2);
  CHECK(done.edit_sequence == "333");
}

TEST_CASE("a stale EditSequence is re-queried and the update then succeeds") {
  Fixture f;
  Posting posted = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add)).posting;
  posted = f.machine.on_response(posted, answered(posted, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid))).posting;
  auto d = f.machine.on_requested(posted, requested(msg::PostingAction::update, 2));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-1", "2", kGuid)));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceModRs", 3200));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.starts_with("<InvoiceQueryRq"));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-1", "3", kGuid)));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.find("<EditSequence>3</EditSequence>") != std::string::npos);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceModRs", 0, invoice_ret("T-1", "4", kGuid)));
  CHECK(only<msg::PostingCompleted>(d).outcome == msg::PostingOutcome::updated);
}

TEST_CASE("an EditSequence stale on every retry ends as a final failure after the bound") {
  Fixture f;
  Posting p = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add)).posting;
  p = f.machine.on_response(p, answered(p, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid))).posting;
  auto d = f.machine.on_requested(p, requested(msg::PostingAction::update, 2));
  for (int attempt = 0; attempt < 4; ++attempt) {
    d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-1", "2", kGuid)));
    d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceModRs", 3200));
  }
  const auto& failed = only<msg::PostingFailed>(d);
  CHECK(failed.disposition == msg::FailureDisposition::final_failure);
  CHECK(failed.status_code == 3200);
  CHECK(d.posting.state == PostingState::failed);
}

TEST_CASE("a void of a known transaction sends TxnVoid and completes as voided") {
  Fixture f;
  Posting p = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add)).posting;
  p = f.machine.on_response(p, answered(p, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid))).posting;
  auto d = f.machine.on_requested(p, requested(msg::PostingAction::void_txn, 2));
  const auto& void_xml = only<msg::QbxmlRequest>(d).request_xml;
  CHECK(void_xml.starts_with("<TxnVoidRq"));
  CHECK(void_xml.find("<TxnID>T-1</TxnID>") != std::string::npos);
  d = f.machine.on_response(
      d.posting, answered(d.posting, "TxnVoidRs", 0,
                          "<TxnVoidType>Invoice</TxnVoidType><TxnID>T-1</TxnID><TimeModified>2026-11-21T09:00:00"
                          "</TimeModified><RefNumber>100234</RefNumber>"));
  const auto& done = only<msg::PostingCompleted>(d);
  CHECK(done.outcome == msg::PostingOutcome::voided);
  CHECK(done.action == msg::PostingAction::void_txn);
  CHECK(d.posting.state == PostingState::voided);
}

TEST_CASE("a void of an unknown transaction queries by RefNumber first") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::void_txn));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.find("<RefNumber>100234</RefNumber>") != std::string::npos);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-7", "1", kGuid)));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.find("<TxnID>T-7</TxnID>") != std::string::npos);
}

TEST_CASE("a lock error is reported transient and retried, query first, at the next session") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 3175));
  CHECK(only<msg::PostingFailed>(d).disposition == msg::FailureDisposition::transient);
  CHECK(d.posting.state == PostingState::pending);
  d = f.machine.on_session_started(d.posting);
  CHECK(only<msg::QbxmlRequest>(d).request_xml.starts_with("<InvoiceQueryRq"));
}

TEST_CASE("a final QuickBooks error fails the posting with QuickBooks' message") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 3140));
  const auto& failed = only<msg::PostingFailed>(d);
  CHECK(failed.disposition == msg::FailureDisposition::final_failure);
  CHECK(failed.status_code == 3140);
  CHECK(failed.status_message.find("status 3140") != std::string::npos);
  CHECK(d.posting.state == PostingState::failed);
  CHECK(f.machine.on_session_started(d.posting).messages.empty());
}

TEST_CASE("a request not newer than the last one applied is ignored") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add, 3));
  auto again = f.machine.on_requested(d.posting, requested(msg::PostingAction::update, 2));
  CHECK(again.messages.empty());
  CHECK(again.posting == d.posting);
}

TEST_CASE("a newer revision arriving while a write is in flight is applied after its answer") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  d = f.machine.on_requested(d.posting, requested(msg::PostingAction::update, 2));
  CHECK(d.messages.empty());
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid)));
  REQUIRE(d.messages.size() == 2);
  CHECK(std::get<msg::PostingCompleted>(d.messages[0]).revision == 1);
  CHECK(std::get<msg::QbxmlRequest>(d.messages[1]).request_xml.find("<TxnID>T-1</TxnID>") != std::string::npos);
}

TEST_CASE("an answer to an earlier request of the posting is ignored") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  auto stale = answered(d.posting, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid));
  stale.request_id = "rq-old";
  CHECK(f.machine.on_response(d.posting, stale).messages.empty());
}

TEST_CASE("a lost answer to a query is simply asked again") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::void_txn));
  const auto first = d.posting.last_request_id;
  d = f.machine.on_response(d.posting, lost(d.posting));
  const auto& again = only<msg::QbxmlRequest>(d);
  CHECK(again.kind == msg::QbxmlRequestKind::query);
  CHECK(again.request_id != first);
  CHECK(d.posting.state == PostingState::querying);
}

TEST_CASE("a COM error on a write is transient unless QuickBooks could not parse the request") {
  Fixture f;
  auto d = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add));
  msg::QbxmlResponse com;
  com.request_id = d.posting.last_request_id;
  com.outcome = msg::QbxmlOutcome::hresult_error;
  com.hresult = "0x80040408";
  com.status_message = "Could not start QuickBooks.";
  auto transient = f.machine.on_response(d.posting, com);
  CHECK(only<msg::PostingFailed>(transient).disposition == msg::FailureDisposition::transient);
  CHECK(only<msg::PostingFailed>(transient).hresult == "0x80040408");
  CHECK(transient.posting.state == PostingState::pending);

  com.hresult = "0x80040400";
  auto final_failure = f.machine.on_response(d.posting, com);
  CHECK(only<msg::PostingFailed>(final_failure).disposition == msg::FailureDisposition::final_failure);
  CHECK(final_failure.posting.state == PostingState::failed);
}

TEST_CASE("a repeated add of a posted key becomes a modification of the same transaction") {
  Fixture f;
  Posting p = f.machine.on_requested(std::nullopt, requested(msg::PostingAction::add)).posting;
  p = f.machine.on_response(p, answered(p, "InvoiceAddRs", 0, invoice_ret("T-1", "1", kGuid))).posting;
  auto d = f.machine.on_requested(p, requested(msg::PostingAction::add, 2));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.find("<TxnID>T-1</TxnID>") != std::string::npos);
  d = f.machine.on_response(d.posting, answered(d.posting, "InvoiceQueryRs", 0, invoice_ret("T-1", "2", kGuid)));
  CHECK(only<msg::QbxmlRequest>(d).request_xml.starts_with("<InvoiceModRq"));
}
