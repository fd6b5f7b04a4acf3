#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/management_api.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {
namespace {

constexpr int kPeekLimit = 100;
constexpr int kCountLimit = 100000;
constexpr std::size_t kPayloadExcerpt = 120;
constexpr std::string_view kDlqSuffix = ".dlq";

ManagementApi management(const Context& context) {
  return {context.required(&Settings::rabbit_url, "--rabbit", "ML_RABBIT_MGMT_URL"), context.settings.rabbit_user,
          context.settings.rabbit_password};
}

rapidjson::Document parsed(const std::string& body, const char* what) {
  rapidjson::Document json;
  json.Parse(body.c_str(), body.size());
  if (json.HasParseError()) throw CommandError(std::string("RabbitMQ management API: ") + what + " is not JSON");
  return json;
}

std::string serialized(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

std::string text_of(const rapidjson::Value& object, const char* field) {
  if (!object.IsObject() || !object.HasMember(field)) return "";
  const auto& value = object[field];
  return value.IsString() ? value.GetString() : serialized(value);
}

std::string queue_path(const Context& context, const std::string& queue) {
  return "/queues/" + path_segment(context.settings.vhost) + "/" + path_segment(queue);
}

const std::string& dead_letter_queue(const std::string& queue) {
  if (!queue.ends_with(kDlqSuffix)) throw UsageError("'" + queue + "' is not a dead-letter queue (its name ends in .dlq)");
  return queue;
}

/// Takes (ack) or peeks (requeue) up to `count` messages of `queue`.
rapidjson::Document fetch(const Context& context, const std::string& queue, int count, bool take) {
  const auto body = std::string("{\"count\":") + std::to_string(count) + ",\"ackmode\":\"" +
                    (take ? "ack_requeue_false" : "ack_requeue_true") + "\",\"encoding\":\"auto\"}";
  auto json = parsed(management(context).call("POST", queue_path(context, queue) + "/get", body), "the messages");
  if (!json.IsArray()) throw CommandError("RabbitMQ management API: the messages are not a JSON array");
  return json;
}

/// Publishes `message` (as fetched) to `queue` through the default exchange; x-death and x-delivery-count are left
/// behind (the broker writes them again).
bool publish(const Context& context, rapidjson::Value& message, const std::string& queue, const std::string& from,
             rapidjson::Document::AllocatorType& allocator) {
  auto& properties = message["properties"];
  if (properties.IsObject()) {
    if (!properties.HasMember("headers")) properties.AddMember("headers", rapidjson::Value(rapidjson::kObjectType), allocator);
    properties["headers"].RemoveMember("x-death");
    properties["headers"].RemoveMember("x-delivery-count");
    properties["headers"].RemoveMember("x-ml-replayed-from");
    properties["headers"].AddMember("x-ml-replayed-from", rapidjson::Value(from.c_str(), allocator), allocator);
  } else {
    properties.SetObject();
  }
  rapidjson::Document request(rapidjson::kObjectType);
  auto& a = request.GetAllocator();
  request.AddMember("routing_key", rapidjson::Value(queue.c_str(), a), a);
  request.AddMember("properties", rapidjson::Value(properties, a), a);
  request.AddMember("payload", rapidjson::Value(message["payload"], a), a);
  request.AddMember("payload_encoding", rapidjson::Value(message["payload_encoding"], a), a);
  const auto answer = parsed(management(context).call("POST", "/exchanges/" + path_segment(context.settings.vhost) +
                                                                  "/amq.default/publish",
                                                      serialized(request)),
                             "the publish answer");
  return answer.IsObject() && answer.HasMember("routed") && answer["routed"].IsBool() && answer["routed"].GetBool();
}

/// How many messages wait in `queue` now, counted by looking at them (the queue statistics lag
/// by seconds); CommandError when the queue does not exist.
std::size_t waiting(const Context& context, const std::string& queue) {
  return fetch(context, queue, kCountLimit, false).Size();
}

}  // namespace

void dlq_list(const Context& context, const std::optional<std::string>& queue) {
  if (!queue) {
    const auto json = parsed(management(context).call("GET", "/queues/" + path_segment(context.settings.vhost) +
                                                                 "?columns=name,messages"),
                             "the queue list");
    Table table{{"queue", "messages"}, {}};
    for (const auto& q : json.GetArray())
      if (std::string_view(q["name"].GetString()).ends_with(kDlqSuffix)) table.rows.push_back({text_of(q, "name"), text_of(q, "messages")});
    return print(table, context.settings.format, context.out);
  }
  const auto messages = fetch(context, dead_letter_queue(*queue), kPeekLimit, false);
  Table table{{"message_id", "type", "routing_key", "reason", "payload"}, {}};
  for (const auto& m : messages.GetArray()) {
    const auto& properties = m["properties"];
    static const rapidjson::Value no_headers(rapidjson::kObjectType);
    const auto& headers = properties.IsObject() && properties.HasMember("headers") ? properties["headers"] : no_headers;
    auto reason = text_of(headers, "x-ml-reject-reason");
    if (reason.empty()) reason = text_of(headers, "x-death");
    auto payload = text_of(m, "payload");
    if (context.settings.format == Format::table && payload.size() > kPayloadExcerpt) payload = payload.substr(0, kPayloadExcerpt) + "…";
    table.rows.push_back({text_of(properties, "message_id"), text_of(properties, "type"), text_of(m, "routing_key"),
                          reason, payload});
  }
  print(table, context.settings.format, context.out);
}

void dlq_replay(const Context& context, const std::string& queue) {
  const auto target = dead_letter_queue(queue).substr(0, queue.size() - kDlqSuffix.size());
  management(context).call("GET", queue_path(context, target));  // exists, else nothing would route
  const auto count = waiting(context, queue);
  std::size_t replayed = 0;
  for (; replayed < count; ++replayed) {
    auto taken = fetch(context, queue, 1, true);
    if (taken.Empty()) break;
    auto& message = taken[0];
    if (!publish(context, message, target, queue, taken.GetAllocator())) {
      publish(context, message, queue, queue, taken.GetAllocator());
      throw CommandError("RabbitMQ did not route a message to " + target + "; it was put back on " + queue + " after " +
                         std::to_string(replayed) + " replayed");
    }
  }
  print(Table{{"queue", "replayed_to", "messages"}, {{queue, target, std::to_string(replayed)}}}, context.settings.format,
        context.out);
}

void dlq_drop(const Context& context, const std::string& queue) {
  const auto count = waiting(context, dead_letter_queue(queue));
  management(context).call("DELETE", queue_path(context, queue) + "/contents");
  print(Table{{"queue", "dropped"}, {{queue, std::to_string(count)}}}, context.settings.format, context.out);
}

}  // namespace ml::mlctl
