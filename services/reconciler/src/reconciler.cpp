#include "ml/reconciler/reconciler.hpp"

#include <algorithm>

#include "ml/core/ids.hpp"
#include "ml/messages/alert.hpp"
#include "ml/messages/posting.hpp"
#include "ml/reconciler/inventory.hpp"
#include "ml/reconciler/json_detail.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/publishing.hpp"
#include "ml/store/audit.hpp"

namespace ml::reconciler {
namespace {

constexpr const char* kService = "reconciler";

template <class T>
T decode_or_reject(const messages::Envelope& envelope) {
  auto message = messages::decode<T>(envelope);
  if (!message) throw service::Rejection(message.error().to_string());
  return std::move(*message);
}

messages::AlertSeverity severity_of(const std::string& kind) {
  return kind == messages::alert_kind::posting_failed ? messages::AlertSeverity::error : messages::AlertSeverity::warning;
}

// States in which the order no longer has the validation problem an earlier alert was about.
bool validation_settled(OrderState state) {
  return state != OrderState::needs_review && state != OrderState::validating && state != OrderState::failed;
}

}  // namespace

Reconciler::Reconciler(ReconcilerOptions options, const core::Clock& clock)
    : options_(std::move(options)), clock_(clock), store_(options_.schema) {}

void Reconciler::apply_shipstation(pqxx::work& tx, const messages::Envelope& envelope) const {
  if (envelope.type == messages::SsOrderChanged::type_name) return on_order(tx, envelope);
  if (envelope.type == messages::SsShipmentChanged::type_name) return on_shipment(tx, envelope);
  if (envelope.type == messages::SsBatchReceived::type_name) return on_batch(tx, envelope);
  throw service::Rejection("reconciler.shipstation does not take " + envelope.type);
}

void Reconciler::apply_quickbooks(pqxx::work& tx, const messages::Envelope& envelope) const {
  if (envelope.type == messages::QbLookupCompleted::type_name) return on_lookup_completed(tx, envelope);
  if (envelope.type == messages::PostingCompleted::type_name)
    return on_posting_outcome<messages::PostingCompleted>(tx, envelope, [](OrderRecord r, const auto& m) {
      return std::pair{on_completed(std::move(r), m), std::optional<Problem>{}};
    });
  if (envelope.type == messages::PostingInDoubt::type_name)
    return on_posting_outcome<messages::PostingInDoubt>(tx, envelope, [](OrderRecord r, const auto& m) {
      return std::pair{on_in_doubt(std::move(r), m), std::optional<Problem>{}};
    });
  if (envelope.type == messages::PostingFailed::type_name)
    return on_posting_outcome<messages::PostingFailed>(
        tx, envelope, [](OrderRecord r, const auto& m) { return on_failed(std::move(r), m); });
  throw service::Rejection("reconciler.quickbooks does not take " + envelope.type);
}

void Reconciler::apply_alert(pqxx::work& tx, const messages::Envelope& envelope) const {
  if (envelope.type != messages::AlertRaised::type_name)
    throw service::Rejection("reconciler.alerts does not take " + envelope.type);
  store_.save_alert(tx, decode_or_reject<messages::AlertRaised>(envelope));
}

std::vector<std::string> Reconciler::revalidate(pqxx::work& tx, const std::string& order_number) const {
  const auto keys = store_.keys_for_number(tx, order_number);
  if (keys.empty()) return keys;
  store_.forget_missing(tx);
  for (const auto& key : keys) {
    audit(tx, key, "order.revalidation_requested", "{}", nullptr);
    reconsider(tx, key, nullptr, true);
  }
  return keys;
}

void Reconciler::on_order(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto order = decode_or_reject<messages::SsOrderChanged>(cause);
  const auto version = store_.part_version(tx, order.order_id);
  if (version && order.modify_date <= version->modify_date) {
    audit(tx, version->posting_key, "order.version_ignored",
          JsonObject().number("order_id", order.order_id).text("modify_date_raw", order.modify_date_raw).str(), &cause);
    return;
  }
  std::string key = posting_key_for(order.order_number, order.store_id, options_.store_qualified_keys);
  if (version) key = version->posting_key;
  else if (order.parent_id)
    if (auto parent = store_.part_version(tx, *order.parent_id)) key = parent->posting_key;
  if (!store_.lock_order(tx, key)) {
    OrderRecord received;
    received.posting_key = key;
    store_.save(tx, received);
    audit(tx, key, "order.received", JsonObject().text("to", "received").number("order_id", order.order_id).str(), &cause);
  }
  store_.save_part(tx, key, order);
  audit(tx, key, "order.synced",
        JsonObject()
            .number("order_id", order.order_id)
            .text("order_status", messages::to_string(order.order_status))
            .text("modify_date_raw", order.modify_date_raw)
            .str(),
        &cause);
  reconsider(tx, key, &cause);
}

void Reconciler::on_shipment(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto shipment = decode_or_reject<messages::SsShipmentChanged>(cause);
  store_.save_shipment(tx, shipment);
  const auto version = store_.part_version(tx, shipment.order_id);
  audit(tx, version ? version->posting_key : shipment.order_number, "shipment.recorded",
        JsonObject()
            .number("shipment_id", shipment.shipment_id)
            .text("source", messages::to_string(shipment.source))
            .number("order_id", shipment.order_id)
            .text("ship_date", messages::format_date(shipment.ship_date))
            .boolean("voided", shipment.voided)
            .str(),
        &cause);
  if (version) reconsider(tx, version->posting_key, &cause);
}

void Reconciler::on_batch(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto batch = decode_or_reject<messages::SsBatchReceived>(cause);
  const auto demand = batch_demand(store_.parts(tx, batch.order_ids), store_.mappings(tx));
  if (demand.empty()) {
    store_.save_batch(tx, batch.batch_id, batch.order_ids, std::nullopt);
    store_.batch_checked(tx, batch.batch_id, 0);
    audit(tx, "", "batch.checked", JsonObject().text("batch_id", batch.batch_id).number("items", 0).str(), &cause);
    return;
  }
  messages::QbLookupRequested request{core::new_uuid(), messages::LookupKind::item_inventory, {}, std::nullopt,
                                      batch.batch_id};
  for (const auto& need : demand) request.keys.push_back({messages::LookupField::full_name, need.item_full_name});
  store_.save_lookup(tx, request);
  store_.save_batch(tx, batch.batch_id, batch.order_ids, request.lookup_id);
  send(tx, request, &cause);
  audit(tx, "", "batch.lookup_requested", messages::encode_payload(request), &cause);
}

void Reconciler::on_lookup_completed(pqxx::work& tx, const messages::Envelope& cause) const {
  const auto answer = decode_or_reject<messages::QbLookupCompleted>(cause);
  const auto sent = store_.lookup(tx, answer.lookup_id);
  if (!sent || sent->completed) return;
  store_.remember(tx, answer);
  store_.complete_lookup(tx, answer.lookup_id);
  audit(tx, sent->request.order_number.value_or(""), "lookup.completed", cause.payload.text, &cause);
  if (sent->request.batch_id) check_batch(tx, &cause, *sent->request.batch_id, answer);
  for (const auto& key : store_.waiters(tx, answer.lookup_id)) {
    if (!answer.error) {
      reconsider(tx, key, &cause);
      continue;
    }
    if (auto record = store_.lock_order(tx, key); record && record->state == OrderState::validating)
      apply_decision(tx, *record, on_lookup_failed(*record, *answer.error), &cause);
  }
}

void Reconciler::check_batch(pqxx::work& tx, const messages::Envelope* cause, const std::string& batch_id,
                             const messages::QbLookupCompleted& answer) const {
  const auto order_ids = store_.batch_orders(tx, batch_id);
  if (!order_ids) return;
  if (answer.error) {
    raise(tx,
          {"lookup_failed", "Batch " + batch_id + ": QuickBooks could not answer the on-hand quantity lookup.",
           JsonObject().text("batch_id", batch_id).text("status_message", answer.error->status_message).str()},
          std::nullopt, cause);
    return;
  }
  const auto demand = batch_demand(store_.parts(tx, *order_ids), store_.mappings(tx));
  const auto problems = inventory_discrepancies(batch_id, demand, answer.items);
  for (const auto& problem : problems) raise(tx, problem, std::nullopt, cause);
  store_.batch_checked(tx, batch_id, problems.size());
  audit(tx, "", "batch.checked",
        JsonObject()
            .text("batch_id", batch_id)
            .number("items", static_cast<std::int64_t>(demand.size()))
            .number("discrepancies", static_cast<std::int64_t>(problems.size()))
            .str(),
        cause);
}

template <class Outcome, class Step>
void Reconciler::on_posting_outcome(pqxx::work& tx, const messages::Envelope& cause, Step step) const {
  const auto outcome = decode_or_reject<Outcome>(cause);
  audit(tx, outcome.posting_key, std::string(Outcome::type_name), cause.payload.text, &cause);
  const auto record = store_.lock_order(tx, outcome.posting_key);
  if (!record) return;
  auto [next, problem] = step(*record, outcome);
  Decision decision{std::move(next), {}, std::nullopt, {}};
  if (problem) decision.alerts.push_back(std::move(*problem));
  apply_decision(tx, *record, std::move(decision), &cause);
}

void Reconciler::reconsider(pqxx::work& tx, const std::string& key, const messages::Envelope* cause, bool force) const {
  const auto record = store_.lock_order(tx, key);
  if (!record) return;
  const auto group = store_.group(tx, key);
  if (group.parts.empty()) return;
  const auto directory = store_.directory(tx);
  apply_decision(tx, *record, evaluate(*record, group, *directory, store_.mappings(tx), options_.machine, force), cause,
                 force);
}

void Reconciler::apply_decision(pqxx::work& tx, const OrderRecord& before, Decision decision,
                                const messages::Envelope* cause, bool ask_again) const {
  const auto& after = decision.record;
  const auto& key = after.posting_key;
  if (!decision.ask.empty()) ask(tx, key, decision.ask, cause, ask_again);
  if (decision.posting) {
    send(tx, *decision.posting, cause);
    audit(tx, key, "posting.requested", messages::encode_payload(*decision.posting), cause);
  }
  for (const auto& problem : decision.alerts) raise(tx, problem, key, cause);
  if (after.state != before.state || after.reason != before.reason) {
    audit(tx, key, "order." + std::string(to_string(after.state)),
          JsonObject()
              .text("from", to_string(before.state))
              .text("to", to_string(after.state))
              .number("revision", after.revision)
              .text("reason", after.reason)
              .str(),
          cause);
    if (validation_settled(after.state))
      store_.resolve_alerts(tx, key, {"unknown_customer", "unknown_item", "nothing_to_post", "lookup_failed"},
                            "order is " + std::string(to_string(after.state)));
    if (after.state == OrderState::posted || after.state == OrderState::voided || after.state == OrderState::cancelled)
      store_.resolve_alerts(tx, key, {"posting_failed"}, "order is " + std::string(to_string(after.state)));
  }
  if (after != before) store_.save(tx, after);
}

// A key already asked for by an open lookup is not asked again (the order waits on that lookup
// too), unless a person asked to re-validate: a lookup may have been lost.
void Reconciler::ask(pqxx::work& tx, const std::string& key, const MissingKnowledge& missing,
                     const messages::Envelope* cause, bool ask_again) const {
  const auto pending = ask_again ? std::vector<PendingKey>{} : store_.pending_keys(tx);
  for (const auto kind : {messages::LookupKind::customer, messages::LookupKind::item}) {
    messages::QbLookupRequested request{core::new_uuid(), kind, {}, key, std::nullopt};
    for (const auto& wanted : kind == messages::LookupKind::customer ? missing.customer_keys : missing.item_keys) {
      const auto asked = std::ranges::find_if(pending, [&](const auto& p) { return p.kind == kind && p.key == wanted; });
      if (asked != pending.end()) store_.add_waiter(tx, asked->lookup_id, key);
      else request.keys.push_back(wanted);
    }
    if (request.keys.empty()) continue;
    store_.save_lookup(tx, request);
    store_.add_waiter(tx, request.lookup_id, key);
    send(tx, request, cause);
    audit(tx, key, "lookup.requested", messages::encode_payload(request), cause);
  }
}

void Reconciler::raise(pqxx::work& tx, const Problem& problem, const std::optional<std::string>& order_number,
                       const messages::Envelope* cause) const {
  messages::AlertRaised alert{core::new_uuid(), problem.kind,    severity_of(problem.kind),
                              kService,         order_number,    problem.message,
                              messages::RawJson{problem.detail_json}};
  store_.save_alert(tx, alert);
  send(tx, alert, cause);
  audit(tx, order_number.value_or(""), "alert.raised", messages::encode_payload(alert), cause);
}

void Reconciler::audit(pqxx::work& tx, const std::string& order_number, const std::string& kind,
                       const std::string& detail, const messages::Envelope* cause) const {
  store::audit_append(tx, {order_number, kService, kind, cause ? cause->header.correlation_id : std::string(), detail, {}});
}

template <class T>
void Reconciler::send(pqxx::work& tx, const T& message, const messages::Envelope* cause) const {
  service::publish(tx, options_.schema, message, cause ? service::follow(*cause, clock_) : service::start_flow(clock_));
}

}  // namespace ml::reconciler
