#include <catch2/catch.hpp>

#include <algorithm>

#include <pqxx/pqxx>

#include "broker_fixture.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/bus/topology.hpp"
#include "ml/core/ids.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/seed.hpp"
#include "ml/qbxml/responses.hpp"
#include "ml/qbxml_writer/qbxml_writer.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/publishing.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/testing/environment.hpp"

using namespace ml;
using namespace std::chrono_literals;

namespace {

qbxml_writer::WriterOptions with_schema(qbxml_writer::WriterOptions options, const std::string& schema) {
  options.schema = schema;
  return options;
}

bus::PublisherOptions publisher_options(const bus::Topology& topology) {
  bus::PublisherOptions options;
  options.topology = topology;
  return options;
}

// Requests are checked against Intuit's qbxmlops130.xsd when the shared folder is there.
qbwc_sim::QuickBooksOptions validating_quickbooks() {
  qbwc_sim::QuickBooksOptions options;
  if (const auto shared = testing::shared_dir()) options.schema = *shared / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
  return options;
}

// The writer's service with its consumers on one scratch queue and its outbox relayed to another,
// and the test in the gateway's place with a simulated QuickBooks company.
struct WriterRig {
  explicit WriterRig(qbxml_writer::WriterOptions options = {})
      : inbound("writer-in", 1s, {"posting.requested", "qb.lookup.requested", "qbxml.response", "qbwc.session"}),
        outbound("writer-out", 1s, {"qbxml.request", "posting.#", "qb.lookup.completed"}),
        schema("qw_it_" + core::new_uuid().substr(0, 8)),
        log("qbxml-writer-tests"),
        pool(testing::pg_url(), 4),
        company(qbwc_sim::small_company()),
        quickbooks(company, validating_quickbooks(), log),
        writer(with_schema(std::move(options), schema), clock),
        publisher(bus::testing::broker_url(), publisher_options(inbound.topology())) {
    settings.pg_url = testing::pg_url();
    settings.amqp_url = testing::amqp_url();
    settings.relay_interval = 100ms;
    {
      auto lease = pool.acquire();
      store::prepare_service_schema(*lease, schema, qbxml_writer::writer_migrations());
    }
    {
      auto connection = bus::Connection::open(bus::testing::broker_url(), {});
      bus::declare(connection, outbound.topology());
    }
    relay = std::make_unique<service::OutboxRelayLoop>(settings, pool, schema, log, outbound.topology());
    consumer = std::make_unique<service::MessageConsumer>(
        settings, pool, schema, inbound.queue(),
        [this](pqxx::work& tx, const messages::Envelope& e) {
          if (e.type.ends_with("requested")) return writer.apply_request(tx, e);
          writer.apply_response(tx, e);
        },
        log, service::ConsumerExtras{.topology = inbound.topology(), .after_commit = [this] { relay->poke(); }});
    consumer->start();
    session = *quickbooks.begin_session("");
  }
  ~WriterRig() {
    consumer->stop();
    relay->stop();
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    tx.commit();
  }

  template <class T>
  void send(const T& message) {
    auto envelope = messages::encode(message, service::start_flow(clock));
    REQUIRE(publisher.publish(inbound.topology().exchange, {envelope.header.id, envelope.type, envelope.to_json(), {}}));
  }

  /// Plays the gateway until the writer publishes something else than a qbxml.request: every
  /// request is run in the company; the answer to a write is reported lost when `lose_writes` is set.
  messages::Envelope next_outcome(bool lose_writes = false) {
    for (;;) {
      auto delivery = bus::testing::take_one(outbound.queue(), 20s);
      REQUIRE(delivery);
      auto envelope = messages::Envelope::parse(delivery->body);
      REQUIRE(envelope);
      if (envelope->type != "qbxml.request") return *envelope;
      auto request = *messages::decode<messages::QbxmlRequest>(*envelope);
      answer(request, lose_writes && request.kind == messages::QbxmlRequestKind::write);
    }
  }

  /// Plays the gateway for `count` requests.
  void answer_requests(int count) {
    for (int i = 0; i < count; ++i) {
      auto delivery = bus::testing::take_one(outbound.queue(), 20s);
      REQUIRE(delivery);
      auto envelope = messages::Envelope::parse(delivery->body);
      REQUIRE(envelope);
      REQUIRE(envelope->type == "qbxml.request");
      answer(*messages::decode<messages::QbxmlRequest>(*envelope), false);
    }
  }

  void answer(const messages::QbxmlRequest& request, bool lose) {
    const auto result = quickbooks.process_request(
        session, "<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"13.0\"?><QBXML><QBXMLMsgsRq "
                 "onError=\"stopOnError\">" + request.request_xml + "</QBXMLMsgsRq></QBXML>");
    REQUIRE(result.ok());
    messages::QbxmlResponse response;
    response.request_id = request.request_id;
    response.ticket = "ticket-1";
    if (lose) {
      response.outcome = messages::QbxmlOutcome::in_doubt;
      return send(response);
    }
    const auto set = qbxml::parse_response_set(result.response);
    REQUIRE(set);
    const auto& rs = set->responses.at(0);
    const auto begin = result.response.find('>', result.response.find("<QBXMLMsgsRs")) + 1;
    const auto end = result.response.find("</QBXMLMsgsRs>");
    response.status_code = rs.status.code;
    response.status_severity = static_cast<messages::StatusSeverity>(rs.status.severity);
    response.status_message = rs.status.message;
    response.response_xml = result.response.substr(begin, end - begin);
    if (rs.iterator_remaining_count) response.iterator_remaining_count = *rs.iterator_remaining_count;
    if (!rs.iterator_id.empty()) response.iterator_id = rs.iterator_id;
    send(response);
  }

  std::size_t invoices_with_ref(const std::string& ref) const {
    std::size_t n = 0;
    for (const auto& invoice : company.invoices) n += invoice.ref_number == ref ? 1 : 0;
    return n;
  }

  bus::testing::ScratchTopology inbound, outbound;
  std::string schema;
  core::Logger log;
  core::SystemClock clock;
  service::ServiceSettings settings;
  store::ConnectionPool pool;
  qbwc_sim::Company company;
  qbwc_sim::QuickBooksDesktop quickbooks;
  qbxml_writer::QbxmlWriter writer;
  bus::Publisher publisher;
  std::unique_ptr<service::OutboxRelayLoop> relay;
  std::unique_ptr<service::MessageConsumer> consumer;
  int session = 0;
};

messages::PostingRequested add_request(const std::string& key) {
  messages::PostingRequested r;
  r.posting_key = key;
  r.order_ids = {9001};
  messages::PostingTransaction tx;
  tx.txn_date = std::chrono::year{2026} / std::chrono::November / 20;
  tx.ref_number = key;
  tx.external_guid = core::new_uuid();
  tx.customer_full_name = "Jane Doe";
  tx.lines.push_back({"WIDGET-01", "Blue widget", core::Decimal::from_string("2"),
                      core::Decimal::from_string("19.99"), core::Decimal::from_string("39.98")});
  tx.lines.push_back({"Shipping", std::nullopt, std::nullopt, std::nullopt, core::Decimal::from_string("5.00")});
  r.transaction = tx;
  return r;
}

messages::PostingRequested void_request(const std::string& key, std::int64_t revision) {
  messages::PostingRequested r;
  r.posting_key = key;
  r.revision = revision;
  r.action = messages::PostingAction::void_txn;
  return r;
}

}  // namespace

TEST_CASE("a posting request becomes exactly one invoice in QuickBooks and posting.completed") {
  WriterRig rig;
  const auto key = "W" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  const auto completed = *messages::decode<messages::PostingCompleted>(outcome);
  CHECK(completed.outcome == messages::PostingOutcome::created);
  CHECK(completed.posting_key == key);
  CHECK(rig.invoices_with_ref(key) == 1);
}

TEST_CASE("a lost answer to an add is adopted at the next session and QuickBooks still holds one invoice") {
  WriterRig rig;
  const auto key = "L" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  auto outcome = rig.next_outcome(true);
  REQUIRE(outcome.type == "posting.in_doubt");
  CHECK(rig.invoices_with_ref(key) == 1);

  messages::QbwcSession started;
  started.ticket = "ticket-2";
  rig.send(started);
  outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  CHECK(messages::decode<messages::PostingCompleted>(outcome)->outcome == messages::PostingOutcome::adopted);
  CHECK(rig.invoices_with_ref(key) == 1);
}

TEST_CASE("a lookup by names answers with the customers found and the names missing") {
  WriterRig rig;
  messages::QbLookupRequested lookup;
  lookup.lookup_id = core::new_uuid();
  lookup.kind = messages::LookupKind::customer;
  lookup.keys = {{messages::LookupField::full_name, "Acme Corp"}, {messages::LookupField::full_name, "Nobody Ltd"}};
  rig.send(lookup);
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "qb.lookup.completed");
  const auto completed = *messages::decode<messages::QbLookupCompleted>(outcome);
  CHECK(completed.lookup_id == lookup.lookup_id);
  REQUIRE(completed.customers.size() == 1);
  CHECK(completed.customers[0].full_name == "Acme Corp");
  REQUIRE(completed.missing.size() == 1);
  CHECK(completed.missing[0].value == "Nobody Ltd");
}

TEST_CASE("after a session's customer sync a lookup by email is answered from the synced list") {
  WriterRig rig;
  messages::QbwcSession started;
  started.ticket = "ticket-3";
  rig.send(started);
  rig.answer_requests(3);
  messages::QbLookupRequested lookup;
  lookup.lookup_id = core::new_uuid();
  lookup.kind = messages::LookupKind::customer;
  lookup.keys = {{messages::LookupField::email, "jane@example.com"}};
  rig.send(lookup);
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "qb.lookup.completed");
  const auto completed = *messages::decode<messages::QbLookupCompleted>(outcome);
  REQUIRE(completed.customers.size() == 1);
  CHECK(completed.customers[0].full_name == "Jane Doe");
  CHECK(completed.missing.empty());

  auto lease = rig.pool.acquire();
  pqxx::work tx(*lease);
  const auto watermark = tx.exec("SELECT watermark FROM " + rig.schema + ".watermarks WHERE list = 'customers'");
  CHECK_FALSE(watermark[0][0].as<std::string>().empty());
}

TEST_CASE("an update replaces the invoice's lines and a void zeroes it, still one invoice") {
  WriterRig rig;
  const auto key = "U" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  REQUIRE(rig.next_outcome().type == "posting.completed");

  auto update = add_request(key);
  update.revision = 2;
  update.action = messages::PostingAction::update;
  update.transaction->lines.pop_back();
  rig.send(update);
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  CHECK(messages::decode<messages::PostingCompleted>(outcome)->outcome == messages::PostingOutcome::updated);
  REQUIRE(rig.invoices_with_ref(key) == 1);
  const auto invoice = std::ranges::find(rig.company.invoices, key, &qbwc_sim::Invoice::ref_number);
  CHECK(invoice->lines.size() == 1);

  rig.send(void_request(key, 3));
  outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  CHECK(messages::decode<messages::PostingCompleted>(outcome)->outcome == messages::PostingOutcome::voided);
  CHECK(rig.invoices_with_ref(key) == 1);
  CHECK(std::ranges::find(rig.company.invoices, key, &qbwc_sim::Invoice::ref_number)->voided);
}

namespace {

qbxml_writer::WriterOptions journal_entries() {
  qbxml_writer::WriterOptions options;
  options.txn_kind = messages::TxnKind::journal_entry;
  options.journal.by_item = {{"Shipping", "Shipping Income"}};
  return options;
}

std::vector<const qbwc_sim::JournalEntry*> journal_entries_with_ref(const qbwc_sim::Company& company,
                                                                   const std::string& ref) {
  std::vector<const qbwc_sim::JournalEntry*> found;
  for (const auto& entry : company.journal_entries)
    if (entry.ref_number == ref) found.push_back(&entry);
  return found;
}

}  // namespace

TEST_CASE("configured for journal entries, a posting becomes one balanced journal entry: A/R debited, income credited") {
  WriterRig rig(journal_entries());
  const auto key = "J" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  const auto completed = *messages::decode<messages::PostingCompleted>(outcome);
  CHECK(completed.txn_kind == messages::TxnKind::journal_entry);
  CHECK(completed.outcome == messages::PostingOutcome::created);
  CHECK(rig.invoices_with_ref(key) == 0);
  const auto entries = journal_entries_with_ref(rig.company, key);
  REQUIRE(entries.size() == 1);
  const auto& lines = entries.front()->lines;
  REQUIRE(lines.size() == 3);
  CHECK((lines[0].debit && lines[0].account.full_name == "Accounts Receivable"));
  CHECK(lines[0].entity.full_name == "Jane Doe");
  CHECK(lines[0].amount == core::Decimal::from_string("44.98"));
  CHECK((!lines[1].debit && lines[1].account.full_name == "Sales"));
  CHECK(lines[1].amount == core::Decimal::from_string("39.98"));
  CHECK((!lines[2].debit && lines[2].account.full_name == "Shipping Income"));
  CHECK(lines[2].amount == core::Decimal::from_string("5.00"));
  CHECK(entries.front()->txn_date == "2026-11-20");
}

TEST_CASE("a lost answer to a journal entry add is adopted by a JournalEntryQuery, still one journal entry") {
  WriterRig rig(journal_entries());
  const auto key = "K" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  REQUIRE(rig.next_outcome(true).type == "posting.in_doubt");
  messages::QbwcSession started;
  started.ticket = "ticket-4";
  rig.send(started);
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  CHECK(messages::decode<messages::PostingCompleted>(outcome)->outcome == messages::PostingOutcome::adopted);
  CHECK(journal_entries_with_ref(rig.company, key).size() == 1);
}

TEST_CASE("a journal entry is voided with TxnVoid and an update is refused as final") {
  WriterRig rig(journal_entries());
  const auto key = "V" + core::new_uuid().substr(0, 8);
  rig.send(add_request(key));
  REQUIRE(rig.next_outcome().type == "posting.completed");

  auto update = add_request(key);
  update.revision = 2;
  update.action = messages::PostingAction::update;
  rig.send(update);
  auto outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.failed");
  const auto failed = *messages::decode<messages::PostingFailed>(outcome);
  CHECK(failed.disposition == messages::FailureDisposition::final_failure);
  CHECK(failed.status_message.find("JournalEntryMod") != std::string::npos);

  rig.send(void_request(key, 3));
  outcome = rig.next_outcome();
  REQUIRE(outcome.type == "posting.completed");
  CHECK(messages::decode<messages::PostingCompleted>(outcome)->outcome == messages::PostingOutcome::voided);
  const auto entries = journal_entries_with_ref(rig.company, key);
  REQUIRE(entries.size() == 1);
  CHECK(entries.front()->voided);
}

TEST_CASE("an unbalanced journal entry is a final failure with QuickBooks' message, not a retry") {
  WriterRig rig;
  const auto key = "B" + core::new_uuid().substr(0, 8);
  messages::QbxmlRequest request;
  request.request_id = core::new_uuid();
  request.kind = messages::QbxmlRequestKind::write;
  request.request_xml = "<JournalEntryAddRq requestID=\"" + request.request_id + "\"><JournalEntryAdd><RefNumber>" + key +
                        "</RefNumber><JournalDebitLine><AccountRef><FullName>Accounts Receivable</FullName></AccountRef>"
                        "<Amount>10.00</Amount></JournalDebitLine><JournalCreditLine><AccountRef><FullName>Sales"
                        "</FullName></AccountRef><Amount>9.99</Amount></JournalCreditLine></JournalEntryAdd>"
                        "</JournalEntryAddRq>";
  const auto result = rig.quickbooks.process_request(
      rig.session, "<?xml version=\"1.0\"?><?qbxml version=\"13.0\"?><QBXML><QBXMLMsgsRq onError=\"stopOnError\">" +
                       request.request_xml + "</QBXMLMsgsRq></QBXML>");
  REQUIRE(result.ok());
  const auto set = qbxml::parse_response_set(result.response);
  REQUIRE(set);
  const auto verdict = set->responses.at(0).verdict();
  CHECK(set->responses.at(0).status.code == 3180);
  CHECK(verdict.outcome == qbxml::Outcome::final_error);
  CHECK(journal_entries_with_ref(rig.company, key).empty());
}
