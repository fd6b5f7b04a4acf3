#pragma once
/// The reconciler's consumers: what to do, inside the inbox transaction, with each message of
/// reconciler.shipstation, reconciler.quickbooks and reconciler.alerts, and the re-validation
/// entry point `mlctl retry` uses. Decisions come from the order machine, matching and inventory
/// rules; this class loads and saves rows, writes messages to the outbox and appends audit records.
#include <string>

#include <pqxx/pqxx>

#include "ml/core/clock.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/reconciler/order_machine.hpp"
#include "ml/reconciler/reconciler_store.hpp"

namespace ml::reconciler {

struct ReconcilerOptions {
  std::string schema = "reconciler";
  bool store_qualified_keys = false;  ///< ML_RECONCILER_STORE_QUALIFIED_KEYS
  MachineSettings machine;
};

class Reconciler {
 public:
  Reconciler(ReconcilerOptions options, const core::Clock& clock);

  /// ss.order.changed, ss.shipment.changed, ss.batch.received; other types are refused (service::Rejection).
  void apply_shipstation(pqxx::work& tx, const messages::Envelope& envelope) const;
  /// qb.lookup.completed, posting.completed, posting.failed, posting.in_doubt.
  void apply_quickbooks(pqxx::work& tx, const messages::Envelope& envelope) const;
  /// alert.raised (any service's): stored, open.
  void apply_alert(pqxx::work& tx, const messages::Envelope& envelope) const;

  /// Re-validates every order with this order number (or posting key) after a person fixed
  /// QuickBooks or the mappings: forgets the keys QuickBooks said it lacked, asks again, and
  /// posts (a failed posting is sent again). Returns the posting keys looked at.
  std::vector<std::string> revalidate(pqxx::work& tx, const std::string& order_number) const;

 private:
  void on_order(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_shipment(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_batch(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_lookup_completed(pqxx::work& tx, const messages::Envelope& cause) const;
  template <class Outcome, class Step>
  void on_posting_outcome(pqxx::work& tx, const messages::Envelope& cause, Step step) const;
  void check_batch(pqxx::work& tx, const messages::Envelope* cause, const std::string& batch_id,
                   const messages::QbLookupCompleted& answer) const;

  void reconsider(pqxx::work& tx, const std::string& key, const messages::Envelope* cause, bool force = false) const;
  void apply_decision(pqxx::work& tx, const OrderRecord& before, Decision decision, const messages::Envelope* cause,
                      bool ask_again = false) const;
  void ask(pqxx::work& tx, const std::string& key, const MissingKnowledge& missing, const messages::Envelope* cause,
           bool ask_again) const;
  void raise(pqxx::work& tx, const Problem& problem, const std::optional<std::string>& order_number,
             const messages::Envelope* cause) const;
  void audit(pqxx::work& tx, const std::string& order_number, const std::string& kind, const std::string& detail,
             const messages::Envelope* cause) const;
  template <class T>
  void send(pqxx::work& tx, const T& message, const messages::Envelope* cause) const;

  ReconcilerOptions options_;
  const core::Clock& clock_;
  ReconcilerStore store_;
};

}  // namespace ml::reconciler
