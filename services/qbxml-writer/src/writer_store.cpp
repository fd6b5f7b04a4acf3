#include "ml/qbxml_writer/writer_store.hpp"

#include <stdexcept>

#include "ml/messages/enum_names.hpp"
#include "ml/store/schema_name.hpp"

namespace ml::qbxml_writer {
namespace {

constexpr const char* kPostingColumns =
    "posting_key, request, state, step, txn_id, ref_number, edit_sequence, external_guid, last_request_id, "
    "sent_revision, attempts, stale_retries, last_error";

template <class T>
T decoded(std::string_view json, std::string_view what) {
  auto value = messages::decode_payload<T>(json);
  if (!value) throw std::runtime_error(std::string(what) + " holds an unreadable payload: " + value.error().to_string());
  return std::move(*value);
}

Posting posting_from(const pqxx::row& r) {
  Posting p;
  p.request = decoded<messages::PostingRequested>(r["request"].as<std::string>(), "postings.request");
  const auto state = r["state"].as<std::string>();
  const auto step = r["step"].as<std::string>();
  p.state = posting_state_from(state).value_or(PostingState::failed);
  p.step = posting_step_from(step).value_or(PostingStep::none);
  p.txn_id = r["txn_id"].as<std::string>();
  p.ref_number = r["ref_number"].as<std::string>();
  p.edit_sequence = r["edit_sequence"].as<std::string>();
  p.external_guid = r["external_guid"].as<std::string>();
  p.last_request_id = r["last_request_id"].as<std::string>();
  p.sent_revision = r["sent_revision"].as<std::int64_t>();
  p.writes_sent = r["attempts"].as<int>();
  p.stale_retries = r["stale_retries"].as<int>();
  p.last_error = r["last_error"].as<std::string>();
  return p;
}

std::optional<std::string> optional_text(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

ListWatermark watermark_from(const pqxx::row& r) {
  return {synced_list_from(r["list"].as<std::string>()).value_or(SyncedList::customers), r["watermark"].as<std::string>(),
          r["run_request_id"].as<std::string>(), r["run_newest"].as<std::string>()};
}

}  // namespace

WriterStore::WriterStore(std::string schema) : schema_(store::quoted_schema(schema)) {}

std::string WriterStore::table(std::string_view name) const { return schema_ + "." + std::string(name); }

std::optional<Posting> WriterStore::posting(pqxx::work& tx, const std::string& key) const {
  auto rows = tx.exec_params(std::string("SELECT ") + kPostingColumns + " FROM " + table("postings") +
                                 " WHERE posting_key = $1 FOR UPDATE",
                             key);
  if (rows.empty()) return std::nullopt;
  return posting_from(rows[0]);
}

std::optional<Posting> WriterStore::posting_by_request(pqxx::work& tx, const std::string& request_id) const {
  auto rows = tx.exec_params(std::string("SELECT ") + kPostingColumns + " FROM " + table("postings") +
                                 " WHERE last_request_id = $1 FOR UPDATE",
                             request_id);
  if (rows.empty()) return std::nullopt;
  return posting_from(rows[0]);
}

std::vector<Posting> WriterStore::waiting_postings(pqxx::work& tx) const {
  std::vector<Posting> out;
  for (const auto& r : tx.exec(std::string("SELECT ") + kPostingColumns + " FROM " + table("postings") +
                               " WHERE state IN ('pending', 'in_doubt') ORDER BY updated_at FOR UPDATE"))
    out.push_back(posting_from(r));
  return out;
}

void WriterStore::save(pqxx::work& tx, const Posting& p) const {
  tx.exec_params(
      "INSERT INTO " + table("postings") + " (" + kPostingColumns +
          ", revision, action, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, now()) "
          "ON CONFLICT (posting_key) DO UPDATE SET request = $2, state = $3, step = $4, txn_id = $5, ref_number = $6, "
          "edit_sequence = $7, external_guid = $8, last_request_id = $9, sent_revision = $10, attempts = $11, "
          "stale_retries = $12, last_error = $13, revision = $14, action = $15, updated_at = now()",
      p.request.posting_key, messages::encode_payload(p.request), to_string(p.state), to_string(p.step), p.txn_id,
      p.ref_number, p.edit_sequence, p.external_guid, p.last_request_id, p.sent_revision, p.writes_sent,
      p.stale_retries, p.last_error, p.request.revision, std::string(messages::to_string(p.request.action)));
}

std::optional<Lookup> WriterStore::lookup_by_request(pqxx::work& tx, const std::string& request_id) const {
  auto rows = tx.exec_params("SELECT l.lookup_id, l.request, l.answer FROM " + table("lookups") + " l JOIN " +
                                 table("lookup_queries") + " q USING (lookup_id) WHERE q.request_id = $1 FOR UPDATE OF l",
                             request_id);
  if (rows.empty()) return std::nullopt;
  Lookup lookup;
  lookup.request = decoded<messages::QbLookupRequested>(rows[0]["request"].as<std::string>(), "lookups.request");
  lookup.answer = decoded<messages::QbLookupCompleted>(rows[0]["answer"].as<std::string>(), "lookups.answer");
  for (const auto& r : tx.exec_params("SELECT request_id, key_field FROM " + table("lookup_queries") +
                                          " WHERE lookup_id = $1 ORDER BY request_id",
                                      lookup.request.lookup_id)) {
    auto by = messages::enum_from_string<messages::LookupField>(r["key_field"].as<std::string>());
    lookup.pending.push_back({r["request_id"].as<std::string>(), by.value_or(messages::LookupField::full_name)});
  }
  return lookup;
}

bool WriterStore::lookup_known(pqxx::work& tx, const std::string& lookup_id) const {
  return !tx.exec_params("SELECT 1 FROM " + table("lookups") + " WHERE lookup_id = $1", lookup_id).empty();
}

void WriterStore::save(pqxx::work& tx, const Lookup& lookup) const {
  const auto& id = lookup.request.lookup_id;
  tx.exec_params("INSERT INTO " + table("lookups") +
                     " (lookup_id, request, answer, completed) VALUES ($1, $2, $3, $4) "
                     "ON CONFLICT (lookup_id) DO UPDATE SET answer = $3, completed = $4",
                 id, messages::encode_payload(lookup.request), messages::encode_payload(lookup.answer),
                 lookup.pending.empty());
  tx.exec_params("DELETE FROM " + table("lookup_queries") + " WHERE lookup_id = $1", id);
  for (const auto& q : lookup.pending)
    tx.exec_params("INSERT INTO " + table("lookup_queries") + " (request_id, lookup_id, key_field) VALUES ($1, $2, $3)",
                   q.request_id, id, std::string(messages::to_string(q.by)));
}

std::vector<ListWatermark> WriterStore::watermarks(pqxx::work& tx) const {
  std::vector<ListWatermark> out;
  for (const auto& r : tx.exec("SELECT list, watermark, run_request_id, run_newest FROM " + table("watermarks") +
                               " ORDER BY list FOR UPDATE"))
    out.push_back(watermark_from(r));
  return out;
}

std::optional<ListWatermark> WriterStore::watermark_by_request(pqxx::work& tx, const std::string& request_id) const {
  auto rows = tx.exec_params("SELECT list, watermark, run_request_id, run_newest FROM " + table("watermarks") +
                                 " WHERE run_request_id = $1 FOR UPDATE",
                             request_id);
  if (rows.empty()) return std::nullopt;
  return watermark_from(rows[0]);
}

void WriterStore::save(pqxx::work& tx, const ListWatermark& row) const {
  tx.exec_params("UPDATE " + table("watermarks") + " SET watermark = $2, run_request_id = $3, run_newest = $4 WHERE list = $1",
                 std::string(to_string(row.list)), row.watermark, row.run_request_id, row.run_newest);
}

std::vector<messages::QbCustomer> WriterStore::customers_by_email(pqxx::work& tx,
                                                                  const std::vector<std::string>& emails) const {
  std::vector<messages::QbCustomer> out;
  for (const auto& email : emails)
    for (const auto& r : tx.exec_params("SELECT list_id, full_name, email, is_active, time_modified FROM " +
                                            table("customers") + " WHERE lower(email) = lower($1)",
                                        email))
      out.push_back({r["list_id"].as<std::string>(), r["full_name"].as<std::string>(),
                     optional_text(r["email"]), r["is_active"].as<bool>(), optional_text(r["time_modified"])});
  return out;
}

void WriterStore::save(pqxx::work& tx, const qbxml::Customer& c) const {
  tx.exec_params("INSERT INTO " + table("customers") +
                     " (list_id, full_name, email, is_active, time_modified) VALUES ($1, $2, NULLIF($3, ''), $4, $5) "
                     "ON CONFLICT (list_id) DO UPDATE SET full_name = $2, email = NULLIF($3, ''), is_active = $4, "
                     "time_modified = $5",
                 c.list_id, c.full_name, c.email, c.is_active, c.time_modified);
}

}  // namespace ml::qbxml_writer
