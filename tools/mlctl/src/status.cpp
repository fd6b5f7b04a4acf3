#include <rapidjson/document.h>

#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/management_api.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {
namespace {

std::string number_text(const rapidjson::Value& queue, const char* field) {
  return queue.HasMember(field) && queue[field].IsNumber() ? std::to_string(queue[field].GetInt64()) : "";
}

Table queues(const Context& context) {
  const ManagementApi api(context.required(&Settings::rabbit_url, "--rabbit", "ML_RABBIT_MGMT_URL"),
                          context.settings.rabbit_user, context.settings.rabbit_password);
  rapidjson::Document json;
  const auto body = api.call("GET", "/queues/" + path_segment(context.settings.vhost) +
                                        "?columns=name,messages,messages_ready,messages_unacknowledged,consumers");
  json.Parse(body.c_str(), body.size());
  if (json.HasParseError() || !json.IsArray()) throw CommandError("RabbitMQ management API: the queue list is not a JSON array");
  Table table{{"queue", "messages", "ready", "unacked", "consumers", "dead_letters"}, {}};
  for (const auto& queue : json.GetArray()) {
    const std::string name = queue["name"].GetString();
    table.rows.push_back({name, number_text(queue, "messages"), number_text(queue, "messages_ready"),
                          number_text(queue, "messages_unacknowledged"), number_text(queue, "consumers"),
                          name.ends_with(".dlq") ? "yes" : ""});
  }
  return table;
}

}  // namespace

void status(const Context& context) {
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  std::vector<std::pair<std::string, Table>> sections;
  sections.emplace_back("queues", queues(context));
  sections.emplace_back("last poll per API key",
                        Table::of(tx.exec("SELECT api_key_id, max(updated_at) AS last_poll, min(watermark) AS oldest_watermark, "
                                          "count(*) AS streams FROM shipstation_ingest.watermarks "
                                          "GROUP BY api_key_id ORDER BY api_key_id")));
  sections.emplace_back("last QuickBooks Web Connector session",
                        Table::of(tx.exec("SELECT ticket, user_name, state, started_at, ended_at, end_reason, last_error, "
                                          "requests_sent, responses_received, in_doubt FROM qbwc_gateway.sessions "
                                          "ORDER BY started_at DESC LIMIT 1")));
  sections.emplace_back("orders by state", Table::of(tx.exec("SELECT state, count(*) AS orders FROM reconciler.orders "
                                                             "GROUP BY state ORDER BY state")));
  sections.emplace_back("open alerts", Table::of(tx.exec("SELECT kind, severity, count(*) AS open, max(raised_at) AS newest "
                                                         "FROM reconciler.alerts WHERE state = 'open' "
                                                         "GROUP BY kind, severity ORDER BY kind")));
  print(sections, context.settings.format, context.out);
}

}  // namespace ml::mlctl
