#pragma once
// Maps a schema-checked JSON object onto a C++ record, field by field, remembering the first
// problem together with its JSON pointer.
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/messages/error.hpp"
#include "ml/messages/time.hpp"

namespace ml::messages::detail {

/// Specialised per record: `template <class V, class Self> static void visit(V& v, Self& m)` calls
/// `v("json_name", m.member)` for every member, in wire order. Used for reading and writing.
template <class T>
struct Fields;

template <class T>
concept Record = requires { sizeof(Fields<T>); };

/// "null", "boolean", "integer", "number", "string", "array" or "object".
std::string_view json_type_name(const rapidjson::Value& value);
/// Compact JSON text of `value`.
std::string json_text(const rapidjson::Value& value);

class JsonReader {
 public:
  JsonReader(const rapidjson::Value& object, std::string pointer, std::optional<MessageError>& error)
      : object_(object), pointer_(std::move(pointer)), error_(error) {}

  template <class T>
  void operator()(std::string_view name, T& out) {
    if (error_) return;
    const auto member = object_.FindMember(rapidjson::Value(rapidjson::StringRef(name.data(), name.size())));
    read(member == object_.MemberEnd() ? nullptr : &member->value, pointer_ + "/" + std::string(name), out);
  }

 private:
  void read(const rapidjson::Value* value, const std::string& at, std::string& out);
  void read(const rapidjson::Value* value, const std::string& at, std::int64_t& out);
  void read(const rapidjson::Value* value, const std::string& at, int& out);
  void read(const rapidjson::Value* value, const std::string& at, bool& out);
  void read(const rapidjson::Value* value, const std::string& at, core::Decimal& out);
  void read(const rapidjson::Value* value, const std::string& at, UtcTime& out);
  void read(const rapidjson::Value* value, const std::string& at, Date& out);
  void read(const rapidjson::Value* value, const std::string& at, RawJson& out);

  template <WireEnum E>
  void read(const rapidjson::Value* value, const std::string& at, E& out) {
    std::string text;
    read(value, at, text);
    if (error_) return;
    if (const auto parsed = enum_from_string<E>(text))
      out = *parsed;
    else
      fail(at, "unknown value \"" + text + "\"", MessageError::Kind::invalid_value);
  }

  template <class T>
  void read(const rapidjson::Value* value, const std::string& at, std::optional<T>& out) {
    if (!value || value->IsNull()) {
      out.reset();
      return;
    }
    T present{};
    read(value, at, present);
    out = std::move(present);
  }

  template <class T>
  void read(const rapidjson::Value* value, const std::string& at, std::vector<T>& out) {
    out.clear();
    if (!value) return;
    if (!expect(value->IsArray(), *value, at, "array")) return;
    for (rapidjson::SizeType i = 0; i < value->Size() && !error_; ++i) {
      T element{};
      read(&(*value)[i], at + "/" + std::to_string(i), element);
      out.push_back(std::move(element));
    }
  }

  template <Record T>
  void read(const rapidjson::Value* value, const std::string& at, T& out) {
    if (!present(value, at) || !expect(value->IsObject(), *value, at, "object")) return;
    JsonReader nested(*value, at, error_);
    Fields<T>::visit(nested, out);
  }

  bool present(const rapidjson::Value* value, const std::string& at);
  bool expect(bool ok, const rapidjson::Value& value, const std::string& at, std::string_view expected);
  void fail(const std::string& at, std::string problem, MessageError::Kind kind);

  const rapidjson::Value& object_;
  std::string pointer_;
  std::optional<MessageError>& error_;
};

}  // namespace ml::messages::detail
