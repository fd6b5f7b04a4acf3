#include "json_reader.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ml::messages::detail {

std::string_view json_type_name(const rapidjson::Value& value) {
  if (value.IsNull()) return "null";
  if (value.IsBool()) return "boolean";
  if (value.IsInt64() || value.IsUint64()) return "integer";
  if (value.IsNumber()) return "number";
  if (value.IsString()) return "string";
  if (value.IsArray()) return "array";
  return "object";
}

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

void JsonReader::fail(const std::string& at, std::string problem, MessageError::Kind kind) {
  if (!error_) error_ = MessageError{kind, at, std::move(problem), std::nullopt};
}

bool JsonReader::present(const rapidjson::Value* value, const std::string& at) {
  if (value) return true;
  fail(at, "required property missing", MessageError::Kind::schema_violation);
  return false;
}

bool JsonReader::expect(bool ok, const rapidjson::Value& value, const std::string& at, std::string_view expected) {
  if (!ok)
    fail(at, "expected " + std::string(expected) + ", got " + std::string(json_type_name(value)),
         MessageError::Kind::schema_violation);
  return ok;
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, std::string& out) {
  if (present(value, at) && expect(value->IsString(), *value, at, "string"))
    out.assign(value->GetString(), value->GetStringLength());
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, std::int64_t& out) {
  if (present(value, at) && expect(value->IsInt64(), *value, at, "integer")) out = value->GetInt64();
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, int& out) {
  if (present(value, at) && expect(value->IsInt(), *value, at, "integer")) out = value->GetInt();
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, bool& out) {
  if (present(value, at) && expect(value->IsBool(), *value, at, "boolean")) out = value->GetBool();
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, core::Decimal& out) {
  std::string text;
  read(value, at, text);
  if (error_) return;
  auto parsed = core::Decimal::parse(text);
  if (parsed)
    out = *parsed;
  else
    fail(at, "not an exact decimal: " + parsed.error(), MessageError::Kind::invalid_value);
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, UtcTime& out) {
  std::string text;
  read(value, at, text);
  if (error_) return;
  if (const auto parsed = parse_utc(text))
    out = *parsed;
  else
    fail(at, "\"" + text + "\" is not a UTC time like 2026-11-26T15:04:05.123Z", MessageError::Kind::invalid_value);
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, Date& out) {
  std::string text;
  read(value, at, text);
  if (error_) return;
  if (const auto parsed = parse_date(text))
    out = *parsed;
  else
    fail(at, "\"" + text + "\" is not a calendar date like 2026-11-26", MessageError::Kind::invalid_value);
}

void JsonReader::read(const rapidjson::Value* value, const std::string& at, RawJson& out) {
  if (present(value, at) && expect(value->IsObject(), *value, at, "object")) out.text = json_text(*value);
}

}  // namespace ml::messages::detail
