#include "ml/reconciler/json_detail.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ml::reconciler {

std::string json_string(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return buffer.GetString();
}

JsonObject& JsonObject::text(std::string_view key, std::string_view value) {
  fields_.emplace_back(std::string(key), json_string(value));
  return *this;
}

JsonObject& JsonObject::number(std::string_view key, std::int64_t value) {
  fields_.emplace_back(std::string(key), std::to_string(value));
  return *this;
}

JsonObject& JsonObject::boolean(std::string_view key, bool value) { return raw(key, value ? "true" : "false"); }

JsonObject& JsonObject::raw(std::string_view key, std::string json) {
  fields_.emplace_back(std::string(key), std::move(json));
  return *this;
}

JsonObject& JsonObject::texts(std::string_view key, const std::vector<std::string>& values) {
  std::string array = "[";
  for (const auto& value : values) array += (array.size() > 1 ? "," : "") + json_string(value);
  return raw(key, array + "]");
}

std::string JsonObject::str() const {
  std::string out = "{";
  for (const auto& [key, value] : fields_) out += (out.size() > 1 ? "," : "") + json_string(key) + ":" + value;
  return out + "}";
}

}  // namespace ml::reconciler
