#include "schema_registry.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>

#include <mutex>
#include <stdexcept>

#include "json_reader.hpp"
#include "ml/core/json_nesting.hpp"
#include "ml/messages/schemas.hpp"

namespace ml::messages::detail {
namespace {

rapidjson::Document parsed_schema(std::string_view text) {
  rapidjson::Document document;
  if (auto error = parse_json(text, "", document)) throw std::logic_error("embedded schema: " + error->to_string());
  return document;
}

std::string pointer_text(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string joined(const rapidjson::Value& values, std::string_view separator, bool as_json) {
  std::string out;
  for (const auto& value : values.GetArray()) {
    if (!out.empty()) out += separator;
    out += as_json || !value.IsString() ? json_text(value) : std::string(value.GetString());
  }
  return out;
}

std::string expected_types(const rapidjson::Value& type) {
  return type.IsArray() ? joined(type, " or ", false) : std::string(type.GetString());
}

std::string_view keyword_problem(std::string_view keyword) {
  if (keyword == "minimum") return "is less than the minimum ";
  if (keyword == "maximum") return "is greater than the maximum ";
  if (keyword == "minLength") return "is shorter than the minimum length ";
  if (keyword == "maxLength") return "is longer than the maximum length ";
  if (keyword == "minItems") return "has fewer items than the minimum ";
  if (keyword == "maxItems") return "has more items than the maximum ";
  return {};
}

// RapidJSON 1.1 reports only the failing keyword and the two pointers; the rule itself is read
// back from the schema so the message can say what was expected.
MessageError explained(std::string_view keyword, const rapidjson::Value& rule, const rapidjson::Value* value,
                       std::string pointer) {
  MessageError error{MessageError::Kind::schema_violation, std::move(pointer), "", std::nullopt};
  if (keyword == "required" && value && value->IsObject()) {
    for (const auto& name : rule["required"].GetArray())
      if (!value->HasMember(name)) {
        error.pointer += "/" + std::string(name.GetString());
        error.problem = "required property missing";
        return error;
      }
  }
  if (keyword == "type" && value)
    error.problem = "expected " + expected_types(rule["type"]) + ", got " + std::string(json_type_name(*value));
  else if (keyword == "pattern")
    error.problem = "does not match pattern " + std::string(rule["pattern"].GetString());
  else if (keyword == "enum")
    error.problem = "is not one of " + joined(rule["enum"], ", ", true);
  else if (const auto problem = keyword_problem(keyword); !problem.empty())
    error.problem = std::string(problem) + json_text(rule[std::string(keyword).c_str()]);
  else
    error.problem = "violates the schema rule \"" + std::string(keyword) + "\"";
  return error;
}

}  // namespace

std::optional<MessageError> parse_json(std::string_view json, std::string_view pointer, rapidjson::Document& out) {
  if (core::json_nests_deeper_than(json))
    return MessageError{MessageError::Kind::malformed_json, std::string(pointer),
                        "arrays and objects nested more than " + std::to_string(core::kMaxJsonNesting) +
                            " levels deep",
                        std::nullopt};
  out.Parse(json.data(), json.size());
  if (!out.HasParseError()) return std::nullopt;
  const auto offset = out.GetErrorOffset();
  return MessageError{MessageError::Kind::malformed_json, std::string(pointer),
                      "malformed JSON at offset " + std::to_string(offset) + ": " +
                          rapidjson::GetParseError_En(out.GetParseError()),
                      offset};
}

CompiledSchema::CompiledSchema(std::string_view text) : source_(parsed_schema(text)), schema_(source_) {}

std::optional<MessageError> CompiledSchema::validate(const rapidjson::Value& document,
                                                     std::string_view pointer_prefix) const {
  // RapidJSON 1.1's "pattern" regexes keep their search state in the shared SchemaDocument:
  // concurrent validations (two consumer threads) corrupt it and crash.
  static std::mutex validation;
  std::lock_guard lock(validation);
  rapidjson::SchemaValidator validator(schema_);
  if (document.Accept(validator)) return std::nullopt;
  const rapidjson::Value* rule = validator.GetInvalidSchemaPointer().Get(source_);
  const rapidjson::Value* value = validator.GetInvalidDocumentPointer().Get(document);
  std::string pointer = std::string(pointer_prefix) + pointer_text(validator.GetInvalidDocumentPointer());
  const std::string_view keyword = validator.GetInvalidSchemaKeyword();
  if (!rule) return MessageError{MessageError::Kind::schema_violation, pointer, "violates the schema", std::nullopt};
  return explained(keyword, *rule, value, std::move(pointer));
}

SchemaRegistry::SchemaRegistry() {
  for (const auto& embedded : embedded_schemas())
    entries_.push_back({embedded.type, embedded.version, std::make_unique<CompiledSchema>(embedded.text)});
}

const SchemaRegistry& SchemaRegistry::instance() {
  static const SchemaRegistry registry;
  return registry;
}

const CompiledSchema* SchemaRegistry::find(std::string_view type, int version) const {
  for (const auto& entry : entries_)
    if (entry.type == type && entry.version == version) return entry.schema.get();
  return nullptr;
}

bool SchemaRegistry::knows(std::string_view type) const {
  for (const auto& entry : entries_)
    if (entry.type == type) return true;
  return false;
}

}  // namespace ml::messages::detail
