#pragma once
/// The reconciler's rows in PostgreSQL (schema `reconciler` by default), read and written inside
/// the caller's transaction. An order being decided on is locked (FOR UPDATE).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "ml/messages/alert.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/reconciler/matching.hpp"
#include "ml/reconciler/order_machine.hpp"
#include "ml/store/migrations.hpp"

namespace ml::reconciler {

/// The service's own migrations (compiled in from migrations/).
std::vector<store::Migration> reconciler_migrations();

/// The stored version of a ShipStation order.
struct PartVersion {
  std::string posting_key;
  messages::UtcTime modify_date{};
};

/// A lookup sent and not answered yet, with one of its keys.
struct PendingKey {
  std::string lookup_id;
  messages::LookupKind kind = messages::LookupKind::customer;
  messages::LookupKey key;
};

/// A qb.lookup.requested the reconciler sent.
struct SentLookup {
  messages::QbLookupRequested request;
  bool completed = false;
};

class ReconcilerStore {
 public:
  explicit ReconcilerStore(std::string schema);

  std::optional<OrderRecord> lock_order(pqxx::work& tx, const std::string& posting_key) const;
  void save(pqxx::work& tx, const OrderRecord& record) const;
  /// Posting keys whose order number (or posting key) is `order_number`.
  std::vector<std::string> keys_for_number(pqxx::work& tx, const std::string& order_number) const;

  std::optional<PartVersion> part_version(pqxx::work& tx, std::int64_t order_id) const;
  void save_part(pqxx::work& tx, const std::string& posting_key, const messages::SsOrderChanged& order) const;
  std::vector<messages::SsOrderChanged> parts(pqxx::work& tx, const std::vector<std::int64_t>& order_ids) const;
  /// The key's parts (by orderId) and their shipments.
  OrderGroup group(pqxx::work& tx, const std::string& posting_key) const;
  /// Stores the shipment; a voided one never becomes un-voided by an older message.
  void save_shipment(pqxx::work& tx, const messages::SsShipmentChanged& shipment) const;

  void save_lookup(pqxx::work& tx, const messages::QbLookupRequested& request) const;
  std::optional<SentLookup> lookup(pqxx::work& tx, const std::string& lookup_id) const;
  void complete_lookup(pqxx::work& tx, const std::string& lookup_id) const;
  /// Keys of the lookups not answered yet; those rows stay share-locked until tx ends.
  std::vector<PendingKey> pending_keys(pqxx::work& tx) const;
  void add_waiter(pqxx::work& tx, const std::string& lookup_id, const std::string& posting_key) const;
  std::vector<std::string> waiters(pqxx::work& tx, const std::string& lookup_id) const;

  void save_batch(pqxx::work& tx, const std::string& batch_id, const std::vector<std::int64_t>& order_ids,
                  const std::optional<std::string>& lookup_id) const;
  std::optional<std::vector<std::int64_t>> batch_orders(pqxx::work& tx, const std::string& batch_id) const;
  void batch_checked(pqxx::work& tx, const std::string& batch_id, std::size_t discrepancies) const;

  /// The cache as a QbDirectory reading through `tx`.
  std::unique_ptr<QbDirectory> directory(pqxx::work& tx) const;
  /// Stores what a lookup found, and its missing keys as known-missing.
  void remember(pqxx::work& tx, const messages::QbLookupCompleted& answer) const;
  /// Forgets every known-missing key (a person may have added them in QuickBooks).
  void forget_missing(pqxx::work& tx) const;
  Mappings mappings(pqxx::work& tx) const;

  /// Stores an alert once (by alert_id), open.
  void save_alert(pqxx::work& tx, const messages::AlertRaised& alert) const;
  /// Resolves the open alerts of `order_number` whose kind is one of `kinds`; returns how many.
  std::size_t resolve_alerts(pqxx::work& tx, const std::string& order_number, const std::vector<std::string>& kinds,
                             const std::string& resolution) const;

 private:
  std::string table(std::string_view name) const;
  std::string schema_;
};

}  // namespace ml::reconciler
