#include "ml/store/audit.hpp"

#include <stdexcept>

#include <pqxx/pqxx>

namespace ml::store {

namespace {

using Clock = std::chrono::system_clock;

const char* null_if_empty(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

std::optional<std::string> micros_since_epoch(const std::optional<Clock::time_point>& time) {
  if (!time) return std::nullopt;
  return std::to_string(
      std::chrono::duration_cast<std::chrono::microseconds>(time->time_since_epoch()).count());
}

const char* c_str_or_null(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

std::string text_or_empty(const pqxx::field& field) {
  return field.is_null() ? std::string() : field.as<std::string>();
}

}  // namespace

void audit_append(pqxx::work& tx, const AuditEvent& event) {
  if (event.service.empty() || event.kind.empty())
    throw std::invalid_argument("audit_append: service and kind are required (service '" +
                                event.service + "', kind '" + event.kind + "')");
  const auto occurred_at = micros_since_epoch(
      event.occurred_at == Clock::time_point{} ? std::nullopt : std::optional(event.occurred_at));
  tx.exec_params0(
      "INSERT INTO audit.events (occurred_at, order_number, service, kind, correlation_id, detail) "
      "VALUES (coalesce('epoch'::timestamptz + $1::bigint * interval '1 microsecond', now()), "
      "$2, $3, $4, $5, coalesce($6::jsonb, '{}'))",
      c_str_or_null(occurred_at), null_if_empty(event.order_number), event.service, event.kind,
      null_if_empty(event.correlation_id), null_if_empty(event.detail_json));
}

std::vector<AuditEvent> audit_query(pqxx::connection& connection, const AuditFilter& filter) {
  const auto from = micros_since_epoch(filter.from);
  const auto to = micros_since_epoch(filter.to);
  pqxx::read_transaction tx(connection);
  const auto rows = tx.exec_params(
      "SELECT order_number, service, kind, correlation_id, detail::text,"
      " (extract(epoch FROM occurred_at) * 1000000)::bigint"
      " FROM audit.events"
      " WHERE ($1::text IS NULL OR order_number = $1)"
      " AND ($2::text IS NULL OR service = $2)"
      " AND ($3::text IS NULL OR kind = $3)"
      " AND ($4::text IS NULL OR correlation_id = $4)"
      " AND ($5::bigint IS NULL OR occurred_at >= 'epoch'::timestamptz + $5 * interval '1 microsecond')"
      " AND ($6::bigint IS NULL OR occurred_at < 'epoch'::timestamptz + $6 * interval '1 microsecond')"
      " ORDER BY occurred_at, id LIMIT $7",
      null_if_empty(filter.order_number), null_if_empty(filter.service), null_if_empty(filter.kind),
      null_if_empty(filter.correlation_id), c_str_or_null(from), c_str_or_null(to),
      static_cast<long long>(filter.limit));
  std::vector<AuditEvent> events;
  events.reserve(rows.size());
  for (const auto& row : rows)
    events.push_back({text_or_empty(row[0]), row[1].as<std::string>(), row[2].as<std::string>(),
                      text_or_empty(row[3]), row[4].as<std::string>(),
                      Clock::time_point(std::chrono::microseconds(row[5].as<long long>()))});
  return events;
}

}  // namespace ml::store
