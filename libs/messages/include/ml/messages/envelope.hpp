#pragma once
/// The envelope around every message, and typed encode/decode of its payload.
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "ml/messages/error.hpp"
#include "ml/messages/time.hpp"

namespace ml::messages {

/// A JSON object kept as its compact text (a payload, or an alert's free-form detail).
struct RawJson {
  std::string text = "{}";
  bool operator==(const RawJson&) const = default;
};

/// The envelope fields a producer chooses; type and version come from the payload's C++ type.
struct EnvelopeHeader {
  std::string id;                           ///< UUID of this message
  std::string correlation_id;               ///< shared by every message of one flow
  std::optional<std::string> causation_id;  ///< id of the message that caused this one
  UtcTime occurred_at{};
  bool operator==(const EnvelopeHeader&) const = default;
};

/// A message whose payload is still JSON text. Obtained from `parse` the envelope matches
/// envelope.v1 and the payload the schema of its type and version; rules across fields that a
/// schema cannot state (a void carries no transaction) are checked by `decode`.
struct Envelope {
  EnvelopeHeader header;
  std::string type;  ///< also the routing key on the ml.events exchange
  int version = 0;
  RawJson payload;

  /// Parses and validates a whole message; never throws on bad input.
  static std::expected<Envelope, MessageError> parse(std::string_view json);
  /// The message as compact JSON.
  std::string to_json() const;

  bool operator==(const Envelope&) const = default;
};

/// A message type's payload as JSON text. Instantiated in the library for every message type.
template <class T>
std::string encode_payload(const T& message);
/// Validates payload JSON against T's schema and maps it; errors point into "/payload/...".
template <class T>
std::expected<T, MessageError> decode_payload(std::string_view payload_json);

/// Wraps `message` in an envelope of type T::type_name, version T::version.
template <class T>
Envelope encode(const T& message, EnvelopeHeader header) {
  return Envelope{std::move(header), std::string(T::type_name), T::version, RawJson{encode_payload(message)}};
}

/// The typed payload of `envelope`; a wrong_type error when it carries another type or version.
template <class T>
std::expected<T, MessageError> decode(const Envelope& envelope) {
  if (envelope.type != T::type_name || envelope.version != T::version)
    return std::unexpected(MessageError{
        MessageError::Kind::wrong_type, "/type",
        "expected " + std::string(T::type_name) + " v" + std::to_string(T::version) + ", got " + envelope.type +
            " v" + std::to_string(envelope.version),
        std::nullopt});
  return decode_payload<T>(envelope.payload.text);
}

}  // namespace ml::messages
