#pragma once
/// The append-only audit trail `audit.events`, shared by every service.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/connection>
#include <pqxx/transaction>

namespace ml::store {

struct AuditEvent {
  std::string order_number{};    ///< empty = not about one order (stored as NULL)
  std::string service{};         ///< required
  std::string kind{};            ///< required, e.g. "order.validated", "posting.requested"
  std::string correlation_id{};  ///< empty = none (stored as NULL)
  std::string detail_json{};     ///< a JSON value; empty = {}
  /// Microsecond precision; the default (epoch) means "now" by the database's clock.
  std::chrono::system_clock::time_point occurred_at{};
};

/// Filters combine with AND; empty strings and absent times do not filter.
struct AuditFilter {
  std::string order_number{};
  std::string service{};
  std::string kind{};
  std::string correlation_id{};
  std::optional<std::chrono::system_clock::time_point> from{};  ///< inclusive
  std::optional<std::chrono::system_clock::time_point> to{};    ///< exclusive
  std::size_t limit = 1000;
};

/// Appends `event` within `tx` (it exists only if tx commits). Throws std::invalid_argument when
/// service or kind is empty, pqxx::data_exception when detail_json is not valid JSON.
void audit_append(pqxx::work& tx, const AuditEvent& event);

/// Matching events, oldest first (by occurred_at, then insertion), at most filter.limit.
std::vector<AuditEvent> audit_query(pqxx::connection& connection, const AuditFilter& filter);

}  // namespace ml::store
