#include "ml/reconciler/console_read_model.hpp"

#include <pqxx/pqxx>

#include "ml/reconciler/json_detail.hpp"
#include "ml/store/audit.hpp"

namespace ml::reconciler {
namespace {

template <class... Parameters>
std::string json_of(pqxx::transaction_base& tx, const std::string& sql, const Parameters&... parameters) {
  const pqxx::row row = tx.exec_params1(sql, parameters...);
  return row[0].is_null() ? "null" : row[0].as<std::string>();
}

// Another service's table may be in another database: its part of the answer is then null.
std::string optional_json(pqxx::dbtransaction& tx, const std::string& sql) {
  try {
    pqxx::subtransaction sub(tx, "console");
    auto json = json_of(sub, sql);
    sub.commit();
    return json;
  } catch (const pqxx::sql_error&) {
    return "null";
  }
}

const char* kPolls =
    "SELECT json_agg(json_build_object('api_key_id', api_key_id, 'stream', stream, 'watermark', watermark, "
    "'updated_at', updated_at) ORDER BY api_key_id, stream) FROM shipstation_ingest.watermarks";
const char* kLastSession =
    "SELECT row_to_json(s) FROM (SELECT state, started_at, ended_at, end_reason, last_error, requests_sent, "
    "responses_received, in_doubt FROM qbwc_gateway.sessions ORDER BY started_at DESC LIMIT 1) s";
const char* kQuickBooksQueue = "SELECT to_json(count(*)) FROM qbwc_gateway.requests WHERE state IN ('pending', 'sent')";

}  // namespace

ConsoleReadModel::ConsoleReadModel(store::ConnectionPool& pool, std::string schema) : pool_(pool) {
  auto lease = pool_.acquire();
  s_ = lease->quote_name(schema) + ".";
}

std::string ConsoleReadModel::summary() const {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto own = json_of(
      tx, "SELECT json_build_object("
          "'orders', (SELECT coalesce(json_object_agg(state, n), '{}') FROM (SELECT state, count(*) AS n FROM " + s_ +
          "orders GROUP BY state) c), 'open_alerts', (SELECT count(*) FROM " + s_ + "alerts WHERE state = 'open'), "
          "'unsent_messages', (SELECT count(*) FROM " + s_ + "outbox WHERE sent_at IS NULL))");
  const auto sync = JsonObject()
                        .raw("polls", optional_json(tx, kPolls))
                        .raw("last_session", optional_json(tx, kLastSession))
                        .raw("quickbooks_queue", optional_json(tx, kQuickBooksQueue))
                        .str();
  return own.substr(0, own.rfind('}')) + ", \"sync\": " + sync + "}";
}

std::string ConsoleReadModel::orders(const std::string& states) const {
  auto lease = pool_.acquire();
  pqxx::read_transaction tx(*lease);
  return json_of(tx,
                 "SELECT coalesce(json_agg(o ORDER BY o.updated_at DESC, o.posting_key), '[]') FROM ("
                 "SELECT posting_key, (SELECT min(order_number) FROM " + s_ + "order_parts p "
                 "WHERE p.posting_key = o.posting_key) AS order_number, state, reason, txn_id, updated_at FROM " + s_ +
                 "orders o WHERE $1 = '' OR state = ANY (string_to_array($1, ',')) "
                 "ORDER BY updated_at DESC, posting_key LIMIT 500) o",
                 states);
}

std::string ConsoleReadModel::timeline(const std::string& order_number) const {
  auto lease = pool_.acquire();
  pqxx::read_transaction tx(*lease);
  return json_of(tx,
                 "WITH keys AS (SELECT $1::text AS k UNION SELECT posting_key FROM " + s_ + "order_parts "
                 "WHERE order_number = $1 UNION SELECT order_number FROM " + s_ + "order_parts WHERE posting_key = $1) "
                 "SELECT json_build_object("
                 "'orders', (SELECT coalesce(json_agg(o ORDER BY o.posting_key), '[]') FROM (SELECT posting_key, state, "
                 "reason, txn_id, revision, updated_at FROM " + s_ + "orders WHERE posting_key IN (SELECT k FROM keys)) o), "
                 "'events', (SELECT coalesce(json_agg(e ORDER BY e.occurred_at, e.id), '[]') FROM (SELECT id, "
                 "occurred_at, order_number, service, kind, correlation_id, detail FROM audit.events "
                 "WHERE order_number IN (SELECT k FROM keys) ORDER BY occurred_at, id LIMIT 1000) e))",
                 order_number);
}

std::string ConsoleReadModel::alerts(bool open_only) const {
  auto lease = pool_.acquire();
  pqxx::read_transaction tx(*lease);
  return json_of(tx,
                 "SELECT coalesce(json_agg(a ORDER BY a.raised_at DESC, a.alert_id), '[]') FROM (SELECT alert_id, "
                 "kind, severity, service, order_number, message, detail, state, raised_at, resolved_at, resolved_by, "
                 "resolution FROM " + s_ + "alerts WHERE NOT $1 OR state = 'open' "
                 "ORDER BY raised_at DESC, alert_id LIMIT 500) a",
                 open_only);
}

bool ConsoleReadModel::resolve_alert(const std::string& alert_id, const std::string& by, const std::string& why) const {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto rows = tx.exec_params("UPDATE " + s_ + "alerts SET state = 'resolved', resolved_at = now(), "
                                   "resolved_by = $2, resolution = $3 WHERE alert_id = $1 AND state = 'open' "
                                   "RETURNING coalesce(order_number, ''), kind",
                                   alert_id, by, why);
  if (rows.empty()) return false;
  store::audit_append(tx, {.order_number = rows[0][0].as<std::string>(),
                           .service = "reconciler",
                           .kind = "alert.resolved",
                           .detail_json = JsonObject()
                                              .text("alert_id", alert_id)
                                              .text("alert_kind", rows[0][1].as<std::string>())
                                              .text("by", by)
                                              .text("why", why)
                                              .str()});
  tx.commit();
  return true;
}

std::string ConsoleReadModel::report(const std::string& from, const std::string& to) const {
  auto lease = pool_.acquire();
  pqxx::read_transaction tx(*lease);
  return json_of(
      tx,
      "WITH shipped AS (SELECT p.posting_key, min((sh.payload::jsonb ->> 'ship_date')::date) AS day FROM " + s_ +
          "order_parts p JOIN " + s_ + "shipments sh ON sh.order_id = p.order_id AND NOT sh.voided "
          "GROUP BY p.posting_key), "
          "amounts AS (SELECT posting_key, sum(coalesce((SELECT sum((i ->> 'quantity')::numeric * "
          "(i ->> 'unit_price')::numeric) FROM jsonb_array_elements(payload::jsonb -> 'items') i), 0) "
          "+ coalesce((payload::jsonb ->> 'shipping_amount')::numeric, 0) "
          "+ coalesce((payload::jsonb ->> 'tax_amount')::numeric, 0)) AS amount FROM " + s_ + "order_parts "
          "GROUP BY posting_key), "
          "posted AS (SELECT (t ->> 'txn_date')::date AS day, (SELECT sum((l ->> 'amount')::numeric) FROM "
          "jsonb_array_elements(t -> 'lines') l) AS amount FROM (SELECT last_request::jsonb -> 'transaction' AS t "
          "FROM " + s_ + "orders WHERE state = 'posted' AND last_request IS NOT NULL) r "
          "WHERE jsonb_typeof(t) = 'object'), "
          "days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') d) "
          "SELECT json_build_object('from', $1::date, 'to', $2::date, "
          "'days', (SELECT coalesce(json_agg(x ORDER BY x.day), '[]') FROM (SELECT days.day, "
          "(SELECT count(*) FROM shipped s WHERE s.day = days.day) AS shipped, "
          "(SELECT coalesce(sum(a.amount), 0.00) FROM shipped s JOIN amounts a USING (posting_key) "
          "WHERE s.day = days.day)::text AS shipped_amount, "
          "(SELECT count(*) FROM posted p WHERE p.day = days.day) AS posted, "
          "(SELECT coalesce(sum(p.amount), 0.00) FROM posted p WHERE p.day = days.day)::text AS posted_amount "
          "FROM days) x), "
          "'failures', (SELECT coalesce(json_agg(f ORDER BY f.ship_date, f.posting_key), '[]') FROM (SELECT "
          "o.posting_key, o.state, o.reason, s.day AS ship_date, a.amount::text AS amount FROM " + s_ + "orders o "
          "JOIN shipped s USING (posting_key) LEFT JOIN amounts a USING (posting_key) "
          "WHERE o.state IN ('needs_review', 'failed', 'in_doubt') AND s.day BETWEEN $1::date AND $2::date) f))",
      from, to);
}

}  // namespace ml::reconciler
