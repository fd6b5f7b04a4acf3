#pragma once
// The embedded proto/ schemas, compiled once, and the translation of RapidJSON's terse
// validation result into "where and what" errors.
#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/messages/error.hpp"

namespace ml::messages::detail {

class CompiledSchema {
 public:
  /// Throws std::logic_error when `text` is not a JSON document: a build defect, not bad input.
  explicit CompiledSchema(std::string_view text);

  /// The first violation, with its pointer prefixed by `pointer_prefix` (e.g. "/payload").
  std::optional<MessageError> validate(const rapidjson::Value& document, std::string_view pointer_prefix) const;

 private:
  rapidjson::Document source_;
  rapidjson::SchemaDocument schema_;
};

class SchemaRegistry {
 public:
  static const SchemaRegistry& instance();

  /// The schema of `type` at `version` ("envelope" for the envelope), or null when there is none.
  const CompiledSchema* find(std::string_view type, int version) const;
  /// Whether some version of `type` has a schema.
  bool knows(std::string_view type) const;

 private:
  SchemaRegistry();

  struct Entry {
    std::string_view type;
    int version;
    std::unique_ptr<CompiledSchema> schema;
  };
  std::vector<Entry> entries_;
};

/// Parses JSON text; the error names the byte offset and the reason, under `pointer`.
std::optional<MessageError> parse_json(std::string_view json, std::string_view pointer, rapidjson::Document& out);

}  // namespace ml::messages::detail
