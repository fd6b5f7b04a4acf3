#pragma once
// Writes a C++ record as compact JSON through its Fields description. Absent optionals are
// written as null so required-but-nullable properties are always present.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"

namespace ml::messages::detail {

class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) {}

  template <class T>
  void operator()(std::string_view name, const T& value) {
    writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    write(value);
  }

  void write(std::string_view value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void write(std::int64_t value) { writer_.Int64(value); }
  void write(int value) { writer_.Int(value); }
  void write(bool value) { writer_.Bool(value); }
  void write(const core::Decimal& value) { write(value.to_string()); }
  void write(UtcTime value) { write(format_utc(value)); }
  void write(Date value) { write(format_date(value)); }
  void write(const RawJson& value) { writer_.RawValue(value.text.data(), value.text.size(), rapidjson::kObjectType); }

  template <WireEnum E>
  void write(E value) {
    write(to_string(value));
  }

  template <class T>
  void write(const std::optional<T>& value) {
    if (value)
      write(*value);
    else
      writer_.Null();
  }

  template <class T>
  void write(const std::vector<T>& values) {
    writer_.StartArray();
    for (const auto& value : values) write(value);
    writer_.EndArray();
  }

  template <Record T>
  void write(const T& record) {
    writer_.StartObject();
    Fields<T>::visit(*this, record);
    writer_.EndObject();
  }

  std::string take() { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace ml::messages::detail
