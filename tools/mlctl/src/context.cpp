#include "ml/mlctl/context.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <regex>

#include "ml/store/audit.hpp"

#include "ml/mlctl/database.hpp"

namespace ml::mlctl {

const std::string& Context::required(std::string Settings::*field, const char* option,
                                     const char* variable) const {
  const auto& value = settings.*field;
  if (value.empty())
    throw CommandError(std::string("this command needs ") + option + " URL (or " + variable + ")");
  return value;
}

pqxx::connection connect(const Context& context) {
  const auto& url = context.required(&Settings::pg_url, "--pg", "ML_PG_URL");
  try {
    return pqxx::connection(url);
  } catch (const pqxx::broken_connection& e) {
    throw CommandError(std::string("cannot reach PostgreSQL: ") + e.what());
  }
}

std::vector<std::string> posting_keys_of(pqxx::transaction_base& tx, const std::string& number) {
  std::vector<std::string> keys;
  for (const auto& row : tx.exec_params(
           "SELECT posting_key FROM reconciler.orders WHERE posting_key = $1 UNION "
           "SELECT posting_key FROM reconciler.order_parts WHERE order_number = $1 ORDER BY 1",
           number))
    keys.push_back(row[0].as<std::string>());
  if (keys.empty()) throw CommandError("no order " + number + " (neither a posting key nor a ShipStation order number)");
  return keys;
}

void audit(pqxx::work& tx, const std::string& order_number, const std::string& kind,
           const std::vector<std::pair<std::string, std::string>>& detail) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [name, value] : detail) {
    writer.Key(name.c_str());
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndObject();
  store::audit_append(tx, {.order_number = order_number, .service = "mlctl", .kind = kind, .detail_json = buffer.GetString()});
}

std::string text_array(const std::vector<std::string>& texts) {
  std::string literal = "{";
  for (const auto& text : texts) {
    literal += literal.size() > 1 ? ",\"" : "\"";
    for (char c : text) literal += c == '"' || c == '\\' ? std::string{'\\', c} : std::string(1, c);
    literal += '"';
  }
  return literal + "}";
}

const std::string& checked_day(const std::string& text, const char* option) {
  static const std::regex day(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(text, day)) throw UsageError(std::string(option) + " wants a day as YYYY-MM-DD, not '" + text + "'");
  return text;
}

}  // namespace ml::mlctl
