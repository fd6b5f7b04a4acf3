#pragma once
/// Why a message could not be read: what is wrong and where.
#include <cstddef>
#include <optional>
#include <string>

namespace ml::messages {

struct MessageError {
  enum class Kind {
    malformed_json,    ///< not JSON at all; `offset` says where parsing stopped
    schema_violation,  ///< JSON that breaks the envelope or payload schema
    unknown_type,      ///< no schema for this type and version
    wrong_type,        ///< a message of another type than the one asked for
    invalid_value,     ///< passes the schema but cannot be represented (e.g. 2026-02-30)
  };

  Kind kind = Kind::schema_violation;
  /// JSON pointer of the offending value, e.g. "/payload/lines/2/amount"; "" is the whole document.
  std::string pointer;
  /// What is wrong: "required property missing", "expected string, got number", ...
  std::string problem;
  /// Byte offset of a JSON syntax error.
  std::optional<std::size_t> offset;

  /// One line for logs and dead-letter reasons: "/payload/lines/2/amount: expected string, got number".
  std::string to_string() const;

  bool operator==(const MessageError&) const = default;
};

}  // namespace ml::messages
