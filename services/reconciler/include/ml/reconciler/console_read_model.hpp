#pragma once
/// What the operator console shows, as JSON text built by PostgreSQL: SQL over the reconciler's
/// schema and `audit.events`, plus read-only sync health from the other services' schemas
/// (absent when they live in another database).
#include <string>

#include "ml/store/pool.hpp"

namespace ml::reconciler {

/// Orders the console lists by default: the ones a person has to look at.
inline constexpr const char* console_problem_states = "needs_review,failed,in_doubt";

class ConsoleReadModel {
 public:
  ConsoleReadModel(store::ConnectionPool& pool, std::string schema);

  /// {"orders": {state: n}, "open_alerts": n, "sync": {"polls": [...], "last_session": {...}|null,
  /// "quickbooks_queue": n|null, "unsent_messages": n}}
  std::string summary() const;
  /// Newest first, at most 500: [{"posting_key", "order_number", "state", "reason", "txn_id", "updated_at"}];
  /// `states` is a comma-separated list.
  std::string orders(const std::string& states) const;
  /// {"order": {...}|null, "events": [{"occurred_at", "service", "kind", "detail"}]} by order number or posting key.
  std::string timeline(const std::string& order_number) const;
  /// Newest first, at most 500.
  std::string alerts(bool open_only) const;
  /// False when no open alert has that id.
  bool resolve_alert(const std::string& alert_id, const std::string& by, const std::string& why) const;
  /// Month-end, dates inclusive (YYYY-MM-DD): {"days": [{"day", "shipped", "shipped_amount", "posted",
  /// "posted_amount"}], "failures": [{"posting_key", "state", "reason", "ship_date", "amount"}]}.
  /// Shipped = orders with a shipment that is not void, by ship date, at the order's amount (items,
  /// shipping and tax); posted = the transactions QuickBooks confirmed, by transaction date.
  std::string report(const std::string& from, const std::string& to) const;

 private:
  store::ConnectionPool& pool_;
  std::string s_;  ///< the quoted schema and a dot
};

}  // namespace ml::reconciler
