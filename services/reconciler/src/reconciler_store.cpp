#include "ml/reconciler/reconciler_store.hpp"

#include <stdexcept>

#include "ml/store/schema_name.hpp"

namespace ml::reconciler {
namespace {

template <class T>
T decoded(std::string_view json, std::string_view what) {
  auto value = messages::decode_payload<T>(json);
  if (!value) throw std::runtime_error(std::string(what) + " holds an unreadable payload: " + value.error().to_string());
  return std::move(*value);
}

std::optional<std::string> optional_text(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

std::string bigint_array(const std::vector<std::int64_t>& values) {
  std::string out = "{";
  for (const auto value : values) out += (out.size() > 1 ? "," : "") + std::to_string(value);
  return out + "}";
}

std::vector<std::int64_t> parse_bigint_array(const pqxx::field& f) {
  std::vector<std::int64_t> out;
  auto parser = f.as_array();
  for (auto [kind, text] = parser.get_next(); kind != pqxx::array_parser::juncture::done; std::tie(kind, text) = parser.get_next())
    if (kind == pqxx::array_parser::juncture::string_value) out.push_back(std::stoll(text));
  return out;
}

OrderRecord record_from(const pqxx::row& r) {
  OrderRecord record;
  record.posting_key = r["posting_key"].as<std::string>();
  record.state = order_state_from(r["state"].as<std::string>()).value_or(OrderState::received);
  record.revision = r["revision"].as<std::int64_t>();
  if (auto request = optional_text(r["last_request"]))
    record.last_request = decoded<messages::PostingRequested>(*request, "orders.last_request");
  if (auto state = optional_text(r["posting_state"])) record.posting_state = order_state_from(*state);
  record.txn_id = r["txn_id"].as<std::string>();
  record.reason = r["reason"].as<std::string>();
  return record;
}

}  // namespace

ReconcilerStore::ReconcilerStore(std::string schema) : schema_(store::quoted_schema(schema)) {}

std::string ReconcilerStore::table(std::string_view name) const { return schema_ + "." + std::string(name); }

std::optional<OrderRecord> ReconcilerStore::lock_order(pqxx::work& tx, const std::string& posting_key) const {
  auto rows = tx.exec_params("SELECT * FROM " + table("orders") + " WHERE posting_key = $1 FOR UPDATE", posting_key);
  if (rows.empty()) return std::nullopt;
  return record_from(rows[0]);
}

void ReconcilerStore::save(pqxx::work& tx, const OrderRecord& r) const {
  std::optional<std::string> request;
  if (r.last_request) request = messages::encode_payload(*r.last_request);
  std::optional<std::string> posting_state;
  if (r.posting_state) posting_state = std::string(to_string(*r.posting_state));
  tx.exec_params("INSERT INTO " + table("orders") +
                     " (posting_key, state, revision, last_request, posting_state, txn_id, reason) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (posting_key) DO UPDATE SET state = $2, "
                     "revision = $3, last_request = $4, posting_state = $5, txn_id = $6, reason = $7, updated_at = now()",
                 r.posting_key, std::string(to_string(r.state)), r.revision, request, posting_state, r.txn_id, r.reason);
}

std::vector<std::string> ReconcilerStore::keys_for_number(pqxx::work& tx, const std::string& order_number) const {
  std::vector<std::string> keys;
  for (const auto& r : tx.exec_params("SELECT DISTINCT posting_key FROM " + table("order_parts") +
                                          " WHERE order_number = $1 OR posting_key = $1 ORDER BY posting_key",
                                      order_number))
    keys.push_back(r[0].as<std::string>());
  return keys;
}

std::optional<PartVersion> ReconcilerStore::part_version(pqxx::work& tx, std::int64_t order_id) const {
  auto rows = tx.exec_params("SELECT posting_key, payload FROM " + table("order_parts") + " WHERE order_id = $1", order_id);
  if (rows.empty()) return std::nullopt;
  const auto order = decoded<messages::SsOrderChanged>(rows[0]["payload"].as<std::string>(), "order_parts.payload");
  return PartVersion{rows[0]["posting_key"].as<std::string>(), order.modify_date};
}

void ReconcilerStore::save_part(pqxx::work& tx, const std::string& posting_key, const messages::SsOrderChanged& o) const {
  tx.exec_params("INSERT INTO " + table("order_parts") +
                     " (order_id, posting_key, order_number, store_id, parent_id, modify_date, modify_date_raw, payload) "
                     "VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7, $8) ON CONFLICT (order_id) DO UPDATE SET "
                     "order_number = $3, store_id = $4, parent_id = $5, modify_date = $6::timestamptz, "
                     "modify_date_raw = $7, payload = $8",
                 o.order_id, posting_key, o.order_number, o.store_id, o.parent_id, messages::format_utc(o.modify_date),
                 o.modify_date_raw, messages::encode_payload(o));
}

std::vector<messages::SsOrderChanged> ReconcilerStore::parts(pqxx::work& tx, const std::vector<std::int64_t>& ids) const {
  std::vector<messages::SsOrderChanged> out;
  for (const auto& r : tx.exec_params("SELECT payload FROM " + table("order_parts") +
                                          " WHERE order_id = ANY($1::bigint[]) ORDER BY order_id",
                                      bigint_array(ids)))
    out.push_back(decoded<messages::SsOrderChanged>(r[0].as<std::string>(), "order_parts.payload"));
  return out;
}

OrderGroup ReconcilerStore::group(pqxx::work& tx, const std::string& posting_key) const {
  OrderGroup group;
  for (const auto& r : tx.exec_params("SELECT payload FROM " + table("order_parts") +
                                          " WHERE posting_key = $1 ORDER BY order_id",
                                      posting_key))
    group.parts.push_back(decoded<messages::SsOrderChanged>(r[0].as<std::string>(), "order_parts.payload"));
  for (const auto& r : tx.exec_params("SELECT s.payload FROM " + table("shipments") + " s JOIN " + table("order_parts") +
                                          " p ON p.order_id = s.order_id WHERE p.posting_key = $1 "
                                          "ORDER BY s.source, s.shipment_id",
                                      posting_key))
    group.shipments.push_back(decoded<messages::SsShipmentChanged>(r[0].as<std::string>(), "shipments.payload"));
  return group;
}

void ReconcilerStore::save_shipment(pqxx::work& tx, const messages::SsShipmentChanged& s) const {
  tx.exec_params("INSERT INTO " + table("shipments") +
                     " AS s (source, shipment_id, order_id, voided, payload) VALUES ($1, $2, $3, $4, $5) "
                     "ON CONFLICT (source, shipment_id) DO UPDATE SET order_id = $3, voided = $4, payload = $5 "
                     "WHERE NOT s.voided OR $4",
                 std::string(messages::to_string(s.source)), s.shipment_id, s.order_id, s.voided,
                 messages::encode_payload(s));
}

void ReconcilerStore::save_lookup(pqxx::work& tx, const messages::QbLookupRequested& request) const {
  tx.exec_params("INSERT INTO " + table("lookups") + " (lookup_id, kind, request, batch_id) VALUES ($1, $2, $3, $4)",
                 request.lookup_id, std::string(messages::to_string(request.kind)), messages::encode_payload(request),
                 request.batch_id);
}

std::optional<SentLookup> ReconcilerStore::lookup(pqxx::work& tx, const std::string& lookup_id) const {
  auto rows = tx.exec_params("SELECT request, completed_at IS NOT NULL FROM " + table("lookups") +
                                 " WHERE lookup_id = $1 FOR UPDATE",
                             lookup_id);
  if (rows.empty()) return std::nullopt;
  return SentLookup{decoded<messages::QbLookupRequested>(rows[0][0].as<std::string>(), "lookups.request"),
                    rows[0][1].as<bool>()};
}

void ReconcilerStore::complete_lookup(pqxx::work& tx, const std::string& lookup_id) const {
  tx.exec_params("UPDATE " + table("lookups") + " SET completed_at = now() WHERE lookup_id = $1", lookup_id);
}

std::vector<PendingKey> ReconcilerStore::pending_keys(pqxx::work& tx) const {
  std::vector<PendingKey> out;
  // FOR SHARE: a lookup cannot complete between this read and add_waiter (its completion takes
  // FOR UPDATE and then reads the waiters), so no order waits on an answer that already came.
  for (const auto& r : tx.exec("SELECT request FROM " + table("lookups") + " WHERE completed_at IS NULL FOR SHARE")) {
    const auto request = decoded<messages::QbLookupRequested>(r[0].as<std::string>(), "lookups.request");
    for (const auto& key : request.keys) out.push_back({request.lookup_id, request.kind, key});
  }
  return out;
}

void ReconcilerStore::add_waiter(pqxx::work& tx, const std::string& lookup_id, const std::string& posting_key) const {
  tx.exec_params("INSERT INTO " + table("lookup_waiters") + " (lookup_id, posting_key) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                 lookup_id, posting_key);
}

std::vector<std::string> ReconcilerStore::waiters(pqxx::work& tx, const std::string& lookup_id) const {
  std::vector<std::string> keys;
  for (const auto& r : tx.exec_params("SELECT posting_key FROM " + table("lookup_waiters") +
                                          " WHERE lookup_id = $1 ORDER BY posting_key",
                                      lookup_id))
    keys.push_back(r[0].as<std::string>());
  return keys;
}

void ReconcilerStore::save_batch(pqxx::work& tx, const std::string& batch_id, const std::vector<std::int64_t>& order_ids,
                                 const std::optional<std::string>& lookup_id) const {
  tx.exec_params("INSERT INTO " + table("batches") + " (batch_id, order_ids, lookup_id) VALUES ($1, $2::bigint[], $3) "
                     "ON CONFLICT (batch_id) DO UPDATE SET order_ids = $2::bigint[], lookup_id = $3, checked_at = NULL",
                 batch_id, bigint_array(order_ids), lookup_id);
}

std::optional<std::vector<std::int64_t>> ReconcilerStore::batch_orders(pqxx::work& tx, const std::string& batch_id) const {
  auto rows = tx.exec_params("SELECT order_ids FROM " + table("batches") + " WHERE batch_id = $1", batch_id);
  if (rows.empty()) return std::nullopt;
  return parse_bigint_array(rows[0][0]);
}

void ReconcilerStore::batch_checked(pqxx::work& tx, const std::string& batch_id, std::size_t discrepancies) const {
  tx.exec_params("UPDATE " + table("batches") + " SET checked_at = now(), discrepancies = $2 WHERE batch_id = $1",
                 batch_id, static_cast<std::int64_t>(discrepancies));
}

}  // namespace ml::reconciler
