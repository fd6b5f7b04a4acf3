#pragma once
/// Traffic between qbxml-writer and qbwc-gateway: qbXML requests, their fate, and QBWC sessions.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"

namespace ml::messages {

enum class QbxmlRequestKind { query, write };
template <>
struct EnumNames<QbxmlRequestKind> {
  static constexpr std::array<std::string_view, 2> names{"query", "write"};
};

/// One qbXML request element waiting for the next QBWC round trip.
struct QbxmlRequest {
  static constexpr std::string_view type_name = "qbxml.request";
  static constexpr int version = 1;

  std::string request_id;  ///< UUID; also the qbXML requestID attribute
  std::string company_file;  ///< the company file it is meant for ("" = whichever is open)
  int priority = 5;          ///< 0 is sent first, 9 last
  std::optional<std::string> depends_on;  ///< request that must be answered first
  QbxmlRequestKind kind = QbxmlRequestKind::query;
  std::string request_xml;  ///< e.g. "<InvoiceAddRq requestID=\"...\">...</InvoiceAddRq>"
  std::optional<std::string> posting_key;

  bool operator==(const QbxmlRequest&) const = default;
};

enum class QbxmlOutcome { answered, in_doubt, hresult_error };
template <>
struct EnumNames<QbxmlOutcome> {
  static constexpr std::array<std::string_view, 3> names{"answered", "in_doubt", "hresult_error"};
};

enum class StatusSeverity { info, warn, error };
template <>
struct EnumNames<StatusSeverity> {
  static constexpr std::array<std::string_view, 3> names{"Info", "Warn", "Error"};
};

/// What became of one qbxml.request.
struct QbxmlResponse {
  static constexpr std::string_view type_name = "qbxml.response";
  static constexpr int version = 1;

  std::string request_id;
  std::string ticket;  ///< QBWC session the request went out in
  QbxmlOutcome outcome = QbxmlOutcome::answered;
  std::optional<std::int64_t> status_code;
  std::optional<StatusSeverity> status_severity;
  std::optional<std::string> status_message;
  std::optional<std::string> response_xml;  ///< the ...Rs element text
  std::optional<std::string> iterator_id;
  std::optional<std::int64_t> iterator_remaining_count;
  std::optional<std::string> hresult;  ///< hresult_error only, e.g. "0x80040400"

  bool operator==(const QbxmlResponse&) const = default;
};

enum class SessionEvent { started, ended };
template <>
struct EnumNames<SessionEvent> {
  static constexpr std::array<std::string_view, 2> names{"started", "ended"};
};

/// A QBWC session began or ended.
struct QbwcSession {
  static constexpr std::string_view type_name = "qbwc.session";
  static constexpr int version = 1;

  std::string ticket;
  SessionEvent event = SessionEvent::started;
  std::optional<std::string> company_file;
  std::optional<std::string> qbxml_version;  ///< e.g. "13.0"
  std::int64_t requests_sent = 0;
  std::int64_t responses_received = 0;
  std::int64_t in_doubt = 0;
  std::optional<std::string> error;

  bool operator==(const QbwcSession&) const = default;
};

extern template std::string encode_payload<QbxmlRequest>(const QbxmlRequest&);
extern template std::string encode_payload<QbxmlResponse>(const QbxmlResponse&);
extern template std::string encode_payload<QbwcSession>(const QbwcSession&);
extern template std::expected<QbxmlRequest, MessageError> decode_payload<QbxmlRequest>(std::string_view);
extern template std::expected<QbxmlResponse, MessageError> decode_payload<QbxmlResponse>(std::string_view);
extern template std::expected<QbwcSession, MessageError> decode_payload<QbwcSession>(std::string_view);

}  // namespace ml::messages
