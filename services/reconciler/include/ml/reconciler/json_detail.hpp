#pragma once
/// Small JSON objects for audit and alert details.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ml::reconciler {

/// Builds one flat JSON object: {"key": "text", "n": 3, "raw": {...}} in insertion order.
class JsonObject {
 public:
  JsonObject& text(std::string_view key, std::string_view value);
  JsonObject& number(std::string_view key, std::int64_t value);
  JsonObject& boolean(std::string_view key, bool value);
  /// `json` must already be valid JSON text (an object, array, ...).
  JsonObject& raw(std::string_view key, std::string json);
  JsonObject& texts(std::string_view key, const std::vector<std::string>& values);
  std::string str() const;

 private:
  std::vector<std::pair<std::string, std::string>> fields_;  // key, JSON value
};

/// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace ml::reconciler
