#include "json_cursor.hpp"

#include <rapidjson/error/en.h>

#include <charconv>

#include "ml/core/json_nesting.hpp"

namespace ml::shipstation::json {
namespace {

std::string escape_token(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string shown(const rapidjson::Value& v) {
  if (v.IsString()) return "\"" + std::string(v.GetString(), v.GetStringLength()) + "\"";
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsObject()) return "an object";
  if (v.IsArray()) return "an array";
  return "null";
}

}  // namespace

Cursor Cursor::operator[](const char* key) const {
  const std::string child = pointer_ + "/" + escape_token(key);
  if (!present() || !value_->IsObject()) return {nullptr, child};
  const auto it = value_->FindMember(key);
  return {it == value_->MemberEnd() ? nullptr : &it->value, child};
}

std::vector<Cursor> Cursor::elements() const {
  std::vector<Cursor> out;
  if (!present() || !value_->IsArray()) return out;
  out.reserve(value_->Size());
  for (rapidjson::SizeType i = 0; i < value_->Size(); ++i) {
    out.emplace_back(&(*value_)[i], pointer_ + "/" + std::to_string(i));
  }
  return out;
}

void Cursor::fail(const std::string& message) const { throw JsonFailure{ParseError{pointer_, message}}; }

OptText Cursor::text() const {
  if (!present() || !value_->IsString()) return std::nullopt;
  return std::string(value_->GetString(), value_->GetStringLength());
}

std::optional<bool> Cursor::flag() const {
  if (!present() || !value_->IsBool()) return std::nullopt;
  return value_->GetBool();
}

std::optional<std::int64_t> Cursor::integer() const {
  if (!present() || !value_->IsString()) return std::nullopt;
  const char* begin = value_->GetString();
  const char* end = begin + value_->GetStringLength();
  std::int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return out;
}

std::vector<std::int64_t> Cursor::integers() const {
  std::vector<std::int64_t> out;
  for (const Cursor& element : elements()) {
    if (const auto v = element.integer()) out.push_back(*v);
  }
  return out;
}

std::int64_t Cursor::required_integer() const {
  if (!present()) fail("required integer is missing");
  const auto v = integer();
  if (!v) fail("expected an integer, got " + shown(*value_));
  return *v;
}

std::optional<Decimal> Cursor::decimal() const {
  if (!present()) return std::nullopt;
  if (!value_->IsString()) fail("expected a number, got " + shown(*value_));
  auto parsed = Decimal::parse(std::string_view(value_->GetString(), value_->GetStringLength()));
  if (!parsed) fail("expected an exact decimal number: " + parsed.error());
  return *parsed;
}

std::optional<PacificTime> Cursor::time() const {
  if (!present()) return std::nullopt;
  if (!value_->IsString()) fail("expected a date-time text, got " + shown(*value_));
  auto parsed = parse_pacific(std::string_view(value_->GetString(), value_->GetStringLength()));
  if (!parsed) fail(parsed.error());
  return std::move(*parsed);
}

std::optional<LocalDate> Cursor::date() const {
  if (!present()) return std::nullopt;
  if (!value_->IsString()) fail("expected a date text, got " + shown(*value_));
  auto parsed = parse_local_date(std::string_view(value_->GetString(), value_->GetStringLength()));
  if (!parsed) fail(parsed.error());
  return std::move(*parsed);
}

std::vector<Cursor> Cursor::required_array() const {
  if (!present()) fail("required array is missing");
  if (!value_->IsArray()) fail("expected an array, got " + shown(*value_));
  return elements();
}

Cursor open(rapidjson::Document& doc, std::string_view json) {
  if (core::json_nests_deeper_than(json))
    throw JsonFailure{ParseError{"", "arrays and objects nested more than " +
                                         std::to_string(core::kMaxJsonNesting) + " levels deep"}};
  doc.Parse<rapidjson::kParseNumbersAsStringsFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    throw JsonFailure{ParseError{"", std::string("malformed JSON at offset ") + std::to_string(doc.GetErrorOffset()) +
                                         ": " + rapidjson::GetParseError_En(doc.GetParseError())}};
  }
  return {&doc, ""};
}

}  // namespace ml::shipstation::json
