#include "ml/qbwc_gateway/settlement.hpp"

#include "ml/core/ids.hpp"
#include "ml/service/publishing.hpp"

namespace ml::qbwc_gateway {

messages::EnvelopeHeader header_for(const RequestRow* row, core::TimePoint now) {
  messages::EnvelopeHeader header;
  header.id = core::new_uuid();
  header.correlation_id = row ? row->correlation_id : header.id;
  if (row) header.causation_id = row->causation_id;
  header.occurred_at = std::chrono::time_point_cast<std::chrono::nanoseconds>(now);
  return header;
}

namespace {

void settle_write(pqxx::work& tx, const std::string& schema, const std::string& ticket, const RequestRow& row,
                  const std::optional<Hresult>& hresult, core::TimePoint now) {
  mark_in_doubt(tx, ticket, row.row, now);
  messages::QbxmlResponse response;
  response.request_id = row.request_id;
  response.ticket = ticket;
  response.outcome = messages::QbxmlOutcome::in_doubt;
  if (hresult) response.status_message = "QuickBooks failed the request set: " + hresult->code + " " + hresult->message;
  service::publish(tx, schema, response, header_for(&row, now));
}

void settle_query(pqxx::work& tx, const std::string& schema, const std::string& ticket, const RequestRow& row,
                  const std::optional<Hresult>& hresult, int max_attempts, core::TimePoint now) {
  if (!hresult || row.attempts < max_attempts) return mark_requeued(tx, row.row);
  mark_dropped(tx, row.row, now);
  messages::QbxmlResponse response;
  response.request_id = row.request_id;
  response.ticket = ticket;
  response.outcome = messages::QbxmlOutcome::hresult_error;
  response.hresult = hresult->code;
  response.status_message = hresult->message;
  service::publish(tx, schema, response, header_for(&row, now));
}

}  // namespace

std::size_t settle_unanswered(pqxx::work& tx, const std::string& schema, const std::string& ticket,
                              const std::vector<RequestRow>& rows, const std::optional<Hresult>& hresult,
                              int max_query_attempts, core::TimePoint now) {
  std::size_t in_doubt = 0;
  for (const auto& row : rows) {
    if (row.kind == messages::QbxmlRequestKind::write) {
      settle_write(tx, schema, ticket, row, hresult, now);
      ++in_doubt;
    } else {
      settle_query(tx, schema, ticket, row, hresult, max_query_attempts, now);
    }
  }
  return in_doubt;
}

std::size_t end_session(pqxx::work& tx, const std::string& schema, const SessionRow& session,
                        const std::string& reason, const std::string& error, core::TimePoint now) {
  const auto settled = settle_unanswered(tx, schema, session.ticket, sent_requests(tx, session.ticket), std::nullopt, 0, now);
  const auto in_doubt = session.in_doubt + static_cast<std::int64_t>(settled);
  drop_session_continuations(tx, session.ticket, now);
  mark_session_ended(tx, session.ticket, reason, now);

  messages::QbwcSession ended;
  ended.ticket = session.ticket;
  ended.event = messages::SessionEvent::ended;
  ended.company_file = session.company_file;
  ended.qbxml_version = session.qbxml_version;
  ended.requests_sent = session.requests_sent;
  ended.responses_received = session.responses_received;
  ended.in_doubt = in_doubt;
  if (!error.empty()) ended.error = error;
  service::publish(tx, schema, ended, header_for(nullptr, now));
  return settled;
}

}  // namespace ml::qbwc_gateway
