#pragma once
// Definitions of encode_payload / decode_payload; each family's .cpp describes its records with
// Fields<> and explicitly instantiates both for its message types.
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "json_reader.hpp"
#include "json_writer.hpp"
#include "schema_registry.hpp"

namespace ml::messages {
namespace detail {

/// Maps a schema-valid JSON object onto T; the error's pointer starts with `pointer`.
/// A message type with rules across fields provides `std::optional<MessageError> cross_field_error(const T&)`.
template <Record T>
std::expected<T, MessageError> mapped(const rapidjson::Value& object, std::string pointer) {
  std::optional<MessageError> error;
  T out{};
  JsonReader reader(object, std::move(pointer), error);
  Fields<T>::visit(reader, out);
  if constexpr (requires { cross_field_error(out); }) {
    if (!error) error = cross_field_error(out);
  }
  if (error) return std::unexpected(std::move(*error));
  return out;
}

/// Unknown-type error for a type/version without a schema.
MessageError no_schema(std::string_view type, int version);

}  // namespace detail

template <class T>
std::string encode_payload(const T& message) {
  detail::JsonWriter writer;
  writer.write(message);
  return writer.take();
}

template <class T>
std::expected<T, MessageError> decode_payload(std::string_view payload_json) {
  constexpr std::string_view at = "/payload";
  rapidjson::Document document;
  if (auto error = detail::parse_json(payload_json, at, document)) return std::unexpected(std::move(*error));
  const auto* schema = detail::SchemaRegistry::instance().find(T::type_name, T::version);
  if (!schema) return std::unexpected(detail::no_schema(T::type_name, T::version));
  if (auto error = schema->validate(document, at)) return std::unexpected(std::move(*error));
  return detail::mapped<T>(document, std::string(at));
}

}  // namespace ml::messages
