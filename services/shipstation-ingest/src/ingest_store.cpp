#include "ml/shipstation_ingest/ingest_store.hpp"

#include <openssl/sha.h>

#include <cstdio>

#include "ml/store/audit.hpp"
#include "ml/store/schema_name.hpp"

namespace ml::shipstation_ingest {
namespace {

constexpr std::size_t kBodyExcerpt = 1024;

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The excerpt must be valid UTF-8 text for PostgreSQL; anything else is replaced by '?'.
std::string printable_excerpt(std::string_view body) {
  std::string out;
  for (const unsigned char c : body.substr(0, kBodyExcerpt))
    out += (c >= 0x20 && c < 0x7f) || c == '\n' ? static_cast<char>(c) : '?';
  return out;
}

double seconds(std::chrono::milliseconds d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

std::string api_key_id(std::string_view api_key) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(api_key.data()), api_key.size(), digest);
  std::string hex;
  for (int i = 0; i < 8; ++i) {
    char buffer[3];
    std::snprintf(buffer, sizeof buffer, "%02x", digest[i]);
    hex += buffer;
  }
  return hex;
}

IngestStore::IngestStore(store::ConnectionPool& pool, std::string schema)
    : pool_(pool), schema_(std::move(schema)), quoted_(store::quoted_schema(schema_)) {}

std::string IngestStore::table(std::string_view name) const { return quoted_ + "." + std::string(name); }

StoreOutcome IngestStore::store_notification(const Notification& n) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto rows = tx.exec_params("INSERT INTO " + table("notifications") +
                                       " (resource_url, resource_type, resource_kind) VALUES ($1, $2, $3)"
                                       " ON CONFLICT (resource_url) DO NOTHING RETURNING id",
                                   n.resource_url, n.resource_type, std::string(to_string(n.kind)));
  if (rows.empty()) return StoreOutcome::duplicate;
  store::audit_append(tx, {.service = kServiceName,
                           .kind = "webhook.received",
                           .detail_json = "{\"notification_id\":" + rows[0][0].as<std::string>() +
                                          ",\"resource_url\":" + json_string(n.resource_url) +
                                          ",\"resource_type\":" + json_string(n.resource_type.value_or("")) + "}"});
  tx.commit();
  return StoreOutcome::stored;
}

void IngestStore::record_rejection(int status, std::string_view reason, std::string_view body) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  tx.exec_params0("INSERT INTO " + table("rejected_webhooks") + " (status, reason, body_excerpt) VALUES ($1, $2, $3)",
                  status, std::string(reason), printable_excerpt(body));
  store::audit_append(tx, {.service = kServiceName,
                           .kind = "webhook.rejected",
                           .detail_json = "{\"status\":" + std::to_string(status) + ",\"reason\":" +
                                          json_string(reason) + ",\"bytes\":" + std::to_string(body.size()) + "}"});
  tx.commit();
}

std::optional<ClaimedNotification> IngestStore::claim_due(std::chrono::milliseconds lease_for) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto rows =
      tx.exec_params("UPDATE " + table("notifications") +
                         " SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1)"
                         " WHERE id = (SELECT id FROM " +
                         table("notifications") +
                         " WHERE state = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at, id"
                         " FOR UPDATE SKIP LOCKED LIMIT 1)"
                         " RETURNING id, resource_url, resource_type, resource_kind, attempts",
                     seconds(lease_for));
  tx.commit();
  if (rows.empty()) return std::nullopt;
  const auto& r = rows[0];
  return ClaimedNotification{r[0].as<std::int64_t>(), r[1].as<std::string>(),
                             r[2].is_null() ? std::nullopt : std::optional(r[2].as<std::string>()),
                             resource_kind_from_string(r[3].as<std::string>()).value_or(ResourceKind::orders),
                             r[4].as<int>()};
}

void IngestStore::mark_fetched(pqxx::work& tx, std::int64_t id, std::string_view batch_id) {
  tx.exec_params0("UPDATE " + table("notifications") +
                      " SET state = 'fetched', batch_id = $2, last_error = NULL, finished_at = now() WHERE id = $1",
                  id, std::string(batch_id));
}

void IngestStore::retry_later(std::int64_t id, std::string_view error, std::chrono::milliseconds delay) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  tx.exec_params0("UPDATE " + table("notifications") +
                      " SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
                  id, std::string(error), seconds(delay));
  tx.commit();
}

void IngestStore::give_up(std::int64_t id, std::string_view error) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  tx.exec_params0(
      "UPDATE " + table("notifications") + " SET state = 'failed', last_error = $2, finished_at = now() WHERE id = $1",
      id, std::string(error));
  store::audit_append(
      tx, {.service = kServiceName,
           .kind = "webhook.fetch_failed",
           .detail_json = "{\"notification_id\":" + std::to_string(id) + ",\"error\":" + json_string(error) + "}"});
  tx.commit();
}

bool IngestStore::claim_version(pqxx::work& tx, const OrderVersion& v, std::string_view raw,
                                std::string_view batch_id) {
  return !tx.exec_params("INSERT INTO " + table("order_versions") +
                             " (order_id, modify_ns, modify_date_raw, batch_id) VALUES ($1, $2, $3, $4)"
                             " ON CONFLICT DO NOTHING RETURNING 1",
                         v.order_id, v.modify_ns, std::string(raw), std::string(batch_id))
              .empty();
}

bool IngestStore::claim_version(pqxx::work& tx, const ShipmentVersion& v, std::string_view batch_id) {
  return !tx.exec_params("INSERT INTO " + table("shipment_versions") +
                             " (source, shipment_id, voided, batch_id) VALUES ($1, $2, $3, $4)"
                             " ON CONFLICT DO NOTHING RETURNING 1",
                         v.source, v.shipment_id, v.voided, std::string(batch_id))
              .empty();
}

void IngestStore::record_skipped(pqxx::work& tx, std::string_view batch_id, std::string_view kind,
                                 std::optional<std::string> record_id, std::string_view reason) {
  tx.exec_params0(
      "INSERT INTO " + table("skipped_records") + " (batch_id, record_kind, record_id, reason) VALUES ($1, $2, $3, $4)",
      std::string(batch_id), std::string(kind), record_id, std::string(reason));
}

std::optional<shipstation::TimePoint> IngestStore::watermark(std::string_view key_id, Stream stream) {
  auto lease = pool_.acquire();
  pqxx::read_transaction tx(*lease);
  const auto rows = tx.exec_params("SELECT (extract(epoch FROM watermark) * 1000000)::bigint FROM " +
                                       table("watermarks") + " WHERE api_key_id = $1 AND stream = $2",
                                   std::string(key_id), std::string(to_string(stream)));
  if (rows.empty()) return std::nullopt;
  return shipstation::TimePoint(std::chrono::microseconds(rows[0][0].as<std::int64_t>()));
}

void IngestStore::set_watermark(std::string_view key_id, Stream stream, shipstation::TimePoint watermark) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(watermark.time_since_epoch()).count();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  tx.exec_params0(
      "INSERT INTO " + table("watermarks") +
          " (api_key_id, stream, watermark) VALUES ($1, $2, timestamptz 'epoch' + $3 * interval '1 microsecond')"
          " ON CONFLICT (api_key_id, stream) DO UPDATE SET watermark = EXCLUDED.watermark, updated_at = now()",
      std::string(key_id), std::string(to_string(stream)), micros);
  tx.commit();
}

}  // namespace ml::shipstation_ingest
