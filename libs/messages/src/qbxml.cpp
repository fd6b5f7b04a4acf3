#include "ml/messages/qbxml.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<QbxmlRequest> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("request_id", m.request_id);
    v("company_file", m.company_file);
    v("priority", m.priority);
    v("depends_on", m.depends_on);
    v("kind", m.kind);
    v("request_xml", m.request_xml);
    v("posting_key", m.posting_key);
  }
};

template <>
struct Fields<QbxmlResponse> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("request_id", m.request_id);
    v("ticket", m.ticket);
    v("outcome", m.outcome);
    v("status_code", m.status_code);
    v("status_severity", m.status_severity);
    v("status_message", m.status_message);
    v("response_xml", m.response_xml);
    v("iterator_id", m.iterator_id);
    v("iterator_remaining_count", m.iterator_remaining_count);
    v("hresult", m.hresult);
  }
};

template <>
struct Fields<QbwcSession> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("ticket", m.ticket);
    v("event", m.event);
    v("company_file", m.company_file);
    v("qbxml_version", m.qbxml_version);
    v("requests_sent", m.requests_sent);
    v("responses_received", m.responses_received);
    v("in_doubt", m.in_doubt);
    v("error", m.error);
  }
};

}  // namespace detail

template std::string encode_payload<QbxmlRequest>(const QbxmlRequest&);
template std::string encode_payload<QbxmlResponse>(const QbxmlResponse&);
template std::string encode_payload<QbwcSession>(const QbwcSession&);
template std::expected<QbxmlRequest, MessageError> decode_payload<QbxmlRequest>(std::string_view);
template std::expected<QbxmlResponse, MessageError> decode_payload<QbxmlResponse>(std::string_view);
template std::expected<QbwcSession, MessageError> decode_payload<QbwcSession>(std::string_view);

}  // namespace ml::messages
