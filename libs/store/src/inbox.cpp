#include "ml/store/inbox.hpp"

#include <pqxx/pqxx>

#include "ml/store/schema_name.hpp"

namespace ml::store {

namespace {

bool claim_in(pqxx::work& tx, const std::string& table, std::string_view consumer,
              std::string_view message_id) {
  const auto result = tx.exec_params(
      "INSERT INTO " + table + " (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      std::string(consumer), std::string(message_id));
  return result.affected_rows() == 1;
}

}  // namespace

bool inbox_claim(pqxx::work& tx, std::string_view schema, std::string_view consumer,
                 std::string_view message_id) {
  return claim_in(tx, quoted_schema(schema) + ".inbox", consumer, message_id);
}

bool inbox_claim(pqxx::work& tx, std::string_view consumer, std::string_view message_id) {
  return claim_in(tx, "inbox", consumer, message_id);
}

}  // namespace ml::store
