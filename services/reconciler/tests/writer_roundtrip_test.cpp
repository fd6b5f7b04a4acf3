// The reconciler and the real qbxml-writer against a simulated QuickBooks company: what the
// reconciler asks is what the writer understands, and QuickBooks ends up with the invoice.
// Messages go from one service's outbox to the other's consumer transaction directly (the broker
// path is covered by reconciler_integration_test); the test plays qbwc-gateway.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include "fixtures.hpp"
#include "ml/core/ids.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/seed.hpp"
#include "ml/qbxml/responses.hpp"
#include "ml/qbxml_writer/qbxml_writer.hpp"
#include "ml/reconciler/reconciler.hpp"
#include "ml/service/publishing.hpp"
#include "ml/store/process_message.hpp"
#include "ml/testing/environment.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;

namespace {

qbwc_sim::QuickBooksOptions validating_quickbooks() {
  qbwc_sim::QuickBooksOptions options;
  if (const auto shared = ml::testing::shared_dir()) options.schema = *shared / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
  return options;
}

ReconcilerOptions moonlight_settings(const std::string& schema) {
  ReconcilerOptions options;
  options.schema = schema;
  options.machine.match.discount_item = "Discount 10%";
  options.machine.match.tax_item = "CA Sales Tax";
  return options;
}

class Pipeline {
 public:
  Pipeline()
      : company(qbwc_sim::small_company()),
        suffix_(core::new_uuid().substr(0, 8)),
        log_("reconciler-writer-tests"),
        pool_(ml::testing::pg_url(), 2),
        quickbooks_(company, validating_quickbooks(), log_),
        reconciler_(moonlight_settings("rc_rt_" + suffix_), clock_),
        writer_(writer_options(), clock_) {
    auto lease = pool_.acquire();
    store::prepare_service_schema(*lease, "rc_rt_" + suffix_, reconciler_migrations());
    store::prepare_service_schema(*lease, "qw_rt_" + suffix_, qbxml_writer::writer_migrations());
    session_ = *quickbooks_.begin_session("");
  }
  ~Pipeline() {
    auto lease = pool_.acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA IF EXISTS rc_rt_" + suffix_ + " CASCADE");
    tx.exec("DROP SCHEMA IF EXISTS qw_rt_" + suffix_ + " CASCADE");
    tx.commit();
  }

  /// Delivers `message` to the reconciler, then passes messages between the services and
  /// QuickBooks until neither has anything left to say.
  template <class T>
  void send(const T& message) {
    deliver(messages::encode(message, service::start_flow(clock_)));
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& envelope : take_outbox("rc_rt_" + suffix_)) moved = deliver(envelope) || moved;
      for (const auto& envelope : take_outbox("qw_rt_" + suffix_)) moved = deliver(envelope) || moved;
    }
  }

  std::string state(const std::string& key) {
    auto lease = pool_.acquire();
    pqxx::read_transaction tx(*lease);
    return tx.exec_params("SELECT state FROM rc_rt_" + suffix_ + ".orders WHERE posting_key = $1", key)[0][0].as<std::string>();
  }

  const qbwc_sim::Invoice* invoice(const std::string& ref_number) const {
    for (const auto& invoice : company.invoices)
      if (invoice.ref_number == ref_number) return &invoice;
    return nullptr;
  }

  qbwc_sim::Company company;

 private:
  qbxml_writer::WriterOptions writer_options() const {
    qbxml_writer::WriterOptions options;
    options.schema = "qw_rt_" + suffix_;
    return options;
  }

  std::vector<messages::Envelope> take_outbox(const std::string& schema) {
    std::vector<messages::Envelope> out;
    auto lease = pool_.acquire();
    pqxx::work tx(*lease);
    for (const auto& row : tx.exec("UPDATE " + schema + ".outbox SET sent_at = now() WHERE sent_at IS NULL RETURNING seq, body"))
      out.push_back(*messages::Envelope::parse(row[1].as<std::string>()));
    tx.commit();
    return out;
  }

  // Returns whether the message went anywhere.
  bool deliver(const messages::Envelope& e) {
    const auto rc = "rc_rt_" + suffix_;
    const auto qw = "qw_rt_" + suffix_;
    const auto apply = [&](const std::string& schema, auto&& step) {
      REQUIRE(store::process_message(pool_, schema, "pipeline", e.header.id, step) == store::ProcessOutcome::Applied);
    };
    if (e.type.starts_with("ss.")) apply(rc, [&](pqxx::work& tx) { reconciler_.apply_shipstation(tx, e); });
    else if (e.type == "alert.raised") apply(rc, [&](pqxx::work& tx) { reconciler_.apply_alert(tx, e); });
    else if (e.type.ends_with(".requested")) apply(qw, [&](pqxx::work& tx) { writer_.apply_request(tx, e); });
    else if (e.type == "qbxml.request") apply(qw, [&](pqxx::work& tx) { writer_.apply_response(tx, answer(e)); });
    else if (e.type == "qbxml.response" || e.type == "qbwc.session") return false;
    else apply(rc, [&](pqxx::work& tx) { reconciler_.apply_quickbooks(tx, e); });
    return true;
  }

  // Plays qbwc-gateway: runs the request in the company and wraps the answer.
  messages::Envelope answer(const messages::Envelope& envelope) {
    const auto request = *messages::decode<messages::QbxmlRequest>(envelope);
    const auto result = quickbooks_.process_request(
        session_, "<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"13.0\"?><QBXML><QBXMLMsgsRq "
                  "onError=\"stopOnError\">" + request.request_xml + "</QBXMLMsgsRq></QBXML>");
    REQUIRE(result.ok());
    const auto set = qbxml::parse_response_set(result.response);
    REQUIRE(set);
    const auto& rs = set->responses.at(0);
    messages::QbxmlResponse response;
    response.request_id = request.request_id;
    response.ticket = "ticket-1";
    const auto begin = result.response.find('>', result.response.find("<QBXMLMsgsRs")) + 1;
    response.status_code = rs.status.code;
    response.status_severity = static_cast<messages::StatusSeverity>(rs.status.severity);
    response.status_message = rs.status.message;
    response.response_xml = result.response.substr(begin, result.response.find("</QBXMLMsgsRs>") - begin);
    if (rs.iterator_remaining_count) response.iterator_remaining_count = *rs.iterator_remaining_count;
    if (!rs.iterator_id.empty()) response.iterator_id = rs.iterator_id;
    return messages::encode(response, service::follow(envelope, clock_));
  }

  std::string suffix_;
  core::Logger log_;
  core::SystemClock clock_;
  store::ConnectionPool pool_;
  qbwc_sim::QuickBooksDesktop quickbooks_;
  Reconciler reconciler_;
  qbxml_writer::QbxmlWriter writer_;
  int session_ = 0;
};

messages::SsOrderChanged jane_order() {
  auto o = order(7001, "MG-5001");
  o.customer_email = "nobody@example.com";  // not in QuickBooks: the billTo name matches
  o.bill_to->name = "Jane Doe";
  o.items = {line("WIDGET-01", "2", "19.995"), line("GADGET-01", "1", "49.00")};
  o.shipping_amount = dec("5.00");
  o.tax_amount = dec("3.62");
  return o;
}

}  // namespace

TEST_CASE("a shipped order reaches QuickBooks as one invoice with the reconciler's lines", "[integration]") {
  Pipeline pipeline;
  pipeline.send(jane_order());
  CHECK(pipeline.state("MG-5001") == "valid");
  pipeline.send(label(8001, 7001, "2026-11-21", "2026-11-21T18:00:00Z"));
  CHECK(pipeline.state("MG-5001") == "posted");
  const auto* invoice = pipeline.invoice("MG-5001");
  REQUIRE(invoice);
  CHECK(invoice->customer.full_name == "Jane Doe");
  CHECK(invoice->txn_date == "2026-11-21");
  REQUIRE(invoice->lines.size() == 4);
  CHECK(invoice->lines[0].item.full_name == "WIDGET-01");
  CHECK(invoice->lines[0].amount == dec("39.99"));
  CHECK(invoice->lines[2].item.full_name == "Shipping");
  CHECK(invoice->lines[3].item.full_name == "CA Sales Tax");
  CHECK(invoice->subtotal() == dec("97.61"));
}

TEST_CASE("an edit and a cancellation after posting modify and then void the same invoice", "[integration]") {
  Pipeline pipeline;
  pipeline.send(jane_order());
  pipeline.send(label(8001, 7001, "2026-11-21", "2026-11-21T18:00:00Z"));
  auto edited = jane_order();
  edited.modify_date = at("2026-11-26T16:00:00Z");
  edited.items[1].quantity = dec("2");
  pipeline.send(edited);
  CHECK(pipeline.state("MG-5001") == "posted");
  REQUIRE(pipeline.invoice("MG-5001"));
  CHECK(pipeline.invoice("MG-5001")->subtotal() == dec("146.61"));
  edited.modify_date = at("2026-11-26T17:00:00Z");
  edited.order_status = messages::OrderStatus::cancelled;
  pipeline.send(edited);
  CHECK(pipeline.state("MG-5001") == "voided");
  CHECK(pipeline.invoice("MG-5001")->voided);
  std::size_t invoices = 0;
  for (const auto& invoice : pipeline.company.invoices) invoices += invoice.ref_number == "MG-5001" ? 1 : 0;
  CHECK(invoices == 1);
}

TEST_CASE("a SKU the company lacks parks the order without writing to QuickBooks", "[integration]") {
  Pipeline pipeline;
  auto o = jane_order();
  o.items.push_back(line("NOT-IN-QB", "1", "1.00"));
  pipeline.send(o);
  pipeline.send(label(8001, 7001, "2026-11-21", "2026-11-21T18:00:00Z"));
  CHECK(pipeline.state("MG-5001") == "needs_review");
  CHECK_FALSE(pipeline.invoice("MG-5001"));
}
