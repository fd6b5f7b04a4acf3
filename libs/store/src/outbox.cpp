#include "ml/store/outbox.hpp"

#include <pqxx/pqxx>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "lock_keys.hpp"
#include "ml/store/schema_name.hpp"

namespace ml::store {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

std::string headers_json(const Headers& headers) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const auto& [name, value] : headers) {
    writer.StartArray();
    writer.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    writer.EndArray();
  }
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

Headers parse_headers(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  Headers headers;
  if (document.HasParseError() || !document.IsArray()) return headers;
  for (const auto& pair : document.GetArray())
    if (pair.IsArray() && pair.Size() == 2 && pair[0].IsString() && pair[1].IsString())
      headers.emplace_back(std::string(pair[0].GetString(), pair[0].GetStringLength()),
                           std::string(pair[1].GetString(), pair[1].GetStringLength()));
  return headers;
}

std::string current_exception_text() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "publish failed with an exception that is not a std::exception";
  }
}

std::string bigint_array(const std::vector<long long>& values) {
  std::string text = "{";
  for (const auto value : values) text += (text.size() > 1 ? "," : "") + std::to_string(value);
  return text + "}";
}

bool take_relay_lock(pqxx::work& tx, const std::string& schema) {
  return tx.exec_params1("SELECT pg_try_advisory_xact_lock($1, hashtext($2))", lock_keys::outbox_relay,
                         schema)[0]
      .as<bool>();
}

std::vector<OutboxMessage> read_unsent(pqxx::work& tx, const std::string& quoted, std::size_t max,
                                       std::vector<long long>& seqs) {
  const auto rows = tx.exec_params("SELECT seq, message_id, routing_key, body, headers::text FROM " +
                                       quoted + ".outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1",
                                   static_cast<long long>(max));
  std::vector<OutboxMessage> batch;
  for (const auto& row : rows) {
    seqs.push_back(row[0].as<long long>());
    batch.push_back({row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                     parse_headers(row[4].as<std::string>())});
  }
  return batch;
}

}  // namespace

void outbox_add(pqxx::work& tx, std::string_view schema, const OutboxMessage& message) {
  tx.exec_params0("INSERT INTO " + quoted_schema(schema) +
                      ".outbox (message_id, routing_key, body, headers) VALUES ($1, $2, $3, $4::jsonb)",
                  message.message_id, message.routing_key, message.body, headers_json(message.headers));
}

OutboxRelay::OutboxRelay(ConnectionPool& pool, std::string schema, PublishConfirmed publish_confirmed)
    : pool_(pool),
      schema_(std::move(schema)),
      quoted_(quoted_schema(schema_)),
      publish_confirmed_(std::move(publish_confirmed)) {}

std::size_t OutboxRelay::relay_batch(std::size_t max) {
  if (max == 0) return 0;
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  if (!take_relay_lock(tx, schema_)) return 0;
  std::vector<long long> seqs;
  const auto batch = read_unsent(tx, quoted_, max, seqs);
  if (batch.empty()) return 0;
  try {
    publish_confirmed_(batch);
  } catch (...) {
    tx.exec_params0("UPDATE " + quoted_ +
                        ".outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])",
                    bigint_array(seqs), current_exception_text());
    tx.commit();
    throw;
  }
  tx.exec_params0("UPDATE " + quoted_ + ".outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])",
                  bigint_array(seqs));
  tx.commit();
  return batch.size();
}

std::size_t outbox_pending(pqxx::connection& connection, std::string_view schema) {
  pqxx::read_transaction tx(connection);
  return tx.exec1("SELECT count(*) FROM " + quoted_schema(schema) + ".outbox WHERE sent_at IS NULL")[0]
      .as<std::size_t>();
}

std::size_t outbox_delete_sent(pqxx::work& tx, std::string_view schema, std::chrono::seconds older_than) {
  const auto result = tx.exec_params(
      "DELETE FROM " + quoted_schema(schema) +
          ".outbox WHERE sent_at < now() - $1 * interval '1 second'",
      static_cast<long long>(older_than.count()));
  return static_cast<std::size_t>(result.affected_rows());
}

}  // namespace ml::store
