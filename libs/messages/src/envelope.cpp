#include "ml/messages/envelope.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<Envelope> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("id", m.header.id);
    v("type", m.type);
    v("version", m.version);
    v("correlation_id", m.header.correlation_id);
    v("causation_id", m.header.causation_id);
    v("occurred_at", m.header.occurred_at);
    v("payload", m.payload);
  }
};

MessageError no_schema(std::string_view type, int version) {
  return {MessageError::Kind::unknown_type, "/version",
          "no schema for " + std::string(type) + " version " + std::to_string(version), std::nullopt};
}

namespace {

std::optional<MessageError> unknown_type(const rapidjson::Document& document) {
  if (!document.IsObject() || !document.HasMember("type") || !document["type"].IsString()) return std::nullopt;
  const std::string_view type(document["type"].GetString(), document["type"].GetStringLength());
  if (type != "envelope" && SchemaRegistry::instance().knows(type)) return std::nullopt;
  return MessageError{MessageError::Kind::unknown_type, "/type", "unknown message type \"" + std::string(type) + "\"",
                      std::nullopt};
}

std::optional<MessageError> payload_error(const rapidjson::Document& document) {
  const auto& version = document["version"];
  const std::string_view type = document["type"].GetString();
  const auto* schema = version.IsInt() ? SchemaRegistry::instance().find(type, version.GetInt()) : nullptr;
  if (!schema) return no_schema(type, version.IsInt() ? version.GetInt() : 0);
  return schema->validate(document["payload"], "/payload");
}

}  // namespace
}  // namespace detail

std::expected<Envelope, MessageError> Envelope::parse(std::string_view json) {
  rapidjson::Document document;
  if (auto error = detail::parse_json(json, "", document)) return std::unexpected(std::move(*error));
  if (auto error = detail::unknown_type(document)) return std::unexpected(std::move(*error));
  const auto* schema = detail::SchemaRegistry::instance().find("envelope", 1);
  if (!schema) return std::unexpected(detail::no_schema("envelope", 1));
  if (auto error = schema->validate(document, "")) return std::unexpected(std::move(*error));
  if (auto error = detail::payload_error(document)) return std::unexpected(std::move(*error));
  return detail::mapped<Envelope>(document, "");
}

std::string Envelope::to_json() const {
  detail::JsonWriter writer;
  writer.write(*this);
  return writer.take();
}

}  // namespace ml::messages
