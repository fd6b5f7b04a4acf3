#pragma once
// A position inside a RapidJSON document parsed with numbers kept as text, plus typed reads.
// Reads of essential values throw JsonFailure (caught by the public parse functions).
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ml/shipstation/parse.hpp"

namespace ml::shipstation::json {

struct JsonFailure {
  ParseError error;
};

class Cursor {
 public:
  Cursor(const rapidjson::Value* value, std::string pointer) : value_(value), pointer_(std::move(pointer)) {}

  /// The member `key`; a null cursor when absent, null, or this is not an object.
  Cursor operator[](const char* key) const;
  bool present() const { return value_ != nullptr && !value_->IsNull(); }
  const rapidjson::Value& value() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  /// The elements of an array (null cursors for null elements); empty when not an array.
  std::vector<Cursor> elements() const;
  [[noreturn]] void fail(const std::string& message) const;

  OptText text() const;
  std::optional<bool> flag() const;
  std::optional<std::int64_t> integer() const;
  std::vector<std::int64_t> integers() const;
  /// An integer that must be present and valid.
  std::int64_t required_integer() const;
  /// Money or quantity: exact, and an error when present but not a plain decimal number.
  std::optional<Decimal> decimal() const;
  std::optional<PacificTime> time() const;
  std::optional<LocalDate> date() const;
  /// An array that must be present (elements may be null).
  std::vector<Cursor> required_array() const;

 private:
  const rapidjson::Value* value_;
  std::string pointer_;
};

/// Parses `json` (numbers as text) into `doc`, or throws JsonFailure.
Cursor open(rapidjson::Document& doc, std::string_view json);

}  // namespace ml::shipstation::json
