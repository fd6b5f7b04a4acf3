#include "ml/qbwc_gateway/gateway.hpp"

#include <set>
#include <thread>

#include "ml/qbxml/message_set.hpp"
#include "ml/qbxml/responses.hpp"
#include "ml/service/publishing.hpp"
#include "ml/qbwc_gateway/session_store.hpp"
#include "ml/qbwc_gateway/settlement.hpp"
#include "ml/qbwc_gateway/ticket.hpp"

namespace ml::qbwc_gateway {
namespace {

// Failed logins under names other than the configured one share one throttle entry, so guessing
// names cannot grow the throttle's memory.
constexpr const char* kUnknownUser = "\x01unknown-user";

messages::StatusSeverity severity_of(qbxml::Severity severity) {
  switch (severity) {
    case qbxml::Severity::info: return messages::StatusSeverity::info;
    case qbxml::Severity::warn: return messages::StatusSeverity::warn;
    case qbxml::Severity::error: return messages::StatusSeverity::error;
  }
  return messages::StatusSeverity::error;
}

messages::QbxmlResponse answered(const std::string& ticket, const RequestRow& row, const qbxml::Response& response,
                                 std::string element) {
  messages::QbxmlResponse out;
  out.request_id = row.request_id;
  out.ticket = ticket;
  out.outcome = messages::QbxmlOutcome::answered;
  out.status_code = response.status.code;
  out.status_severity = severity_of(response.status.severity);
  out.status_message = response.status.message;
  out.response_xml = std::move(element);
  if (!response.iterator_id.empty()) out.iterator_id = response.iterator_id;
  if (response.iterator_remaining_count) out.iterator_remaining_count = *response.iterator_remaining_count;
  return out;
}

}  // namespace

Gateway::Gateway(store::ConnectionPool& pool, std::string schema, GatewayOptions options, const core::Clock& clock,
                 core::Logger& log)
    : pool_(pool),
      schema_(std::move(schema)),
      options_(std::move(options)),
      clock_(clock),
      log_(log),
      throttle_(options_.max_login_failures, options_.login_failure_window) {}

std::expected<void, RequestRejected> Gateway::enqueue(pqxx::work& tx, const messages::Envelope& envelope) const {
  auto request = messages::decode<messages::QbxmlRequest>(envelope);
  if (!request) return std::unexpected(RequestRejected{"not a qbxml.request: " + request.error().pointer + ": " + request.error().problem});
  auto id = request_id_of(request->request_xml);
  if (!id) return std::unexpected(RequestRejected{id.error()});
  if (*id != request->request_id)
    return std::unexpected(RequestRejected{"request_xml carries requestID '" + *id + "' but request_id is '" +
                                           request->request_id + "'"});
  const RequestOrigin origin{envelope.header.correlation_id, envelope.header.id};
  if (!qbwc_gateway::enqueue(tx, *request, origin, clock_.now()))
    log_.info("request already queued", {{"request_id", request->request_id}});
  return {};
}

qbwc::Response Gateway::answer(const qbwc::Request& request) {
  return std::visit(
      [this](const auto& call) -> qbwc::Response {
        using T = std::decay_t<decltype(call)>;
        if constexpr (std::is_same_v<T, qbwc::ServerVersionRequest>) {
          return qbwc::ServerVersionResponse{options_.server_version};
        } else if constexpr (std::is_same_v<T, qbwc::ClientVersionRequest>) {
          return qbwc::ClientVersionResponse::accept();
        } else if constexpr (std::is_same_v<T, qbwc::AuthenticateRequest>) {
          return authenticate(call);
        } else if constexpr (std::is_same_v<T, qbwc::SendRequestXmlRequest>) {
          return send_request_xml(call);
        } else if constexpr (std::is_same_v<T, qbwc::ReceiveResponseXmlRequest>) {
          return receive_response_xml(call);
        } else if constexpr (std::is_same_v<T, qbwc::ConnectionErrorRequest>) {
          end_by_client(call.ticket, "connectionError " + call.hresult + ": " + call.message);
          return qbwc::ConnectionErrorResponse{};
        } else if constexpr (std::is_same_v<T, qbwc::GetLastErrorRequest>) {
          return get_last_error(call);
        } else {
          return end_by_client(call.ticket, "");
        }
      },
      request);
}

qbwc::Response Gateway::authenticate(const qbwc::AuthenticateRequest& request) {
  const auto now = clock_.now();
  const bool known = request.user_name == options_.user;
  const std::string throttle_key = known ? request.user_name : kUnknownUser;
  if (!throttle_.allows(throttle_key, now)) {
    log_.warn("login refused: too many failures", {{"user", request.user_name}});
    return qbwc::AuthenticateResponse{"", qbwc::InvalidUser{}, std::nullopt, std::nullopt};
  }
  if (!known || !verify_password(request.password, options_.password)) {
    throttle_.record_failure(throttle_key, now);
    log_.warn("login failed", {{"user", request.user_name}});
    return qbwc::AuthenticateResponse{"", qbwc::InvalidUser{}, std::nullopt, std::nullopt};
  }
  throttle_.record_success(throttle_key);

  const std::string ticket = new_ticket();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  std::size_t superseded = 0, in_doubt = 0;
  for (const auto& old : other_open_sessions(tx, request.user_name, ticket))
    if (auto session = lock_session(tx, old, std::nullopt)) {
      in_doubt += end_session(tx, schema_, *session, "superseded by a new session", "superseded by a new session", now);
      ++superseded;
    }
  const bool idle_session_due =
      options_.idle_session_every.count() > 0 && !session_started_since(tx, now - options_.idle_session_every);
  if (pending_unbound(tx) == 0 && !idle_session_due) {
    tx.commit();
    metrics_.sessions_ended(superseded);
    metrics_.writes_in_doubt(in_doubt);
    return qbwc::AuthenticateResponse{ticket, qbwc::NoWork{}, options_.idle_postpone, std::nullopt};
  }
  open_session(tx, ticket, request.user_name, now, now + options_.ticket_ttl);
  messages::QbwcSession started;
  started.ticket = ticket;
  started.event = messages::SessionEvent::started;
  if (!options_.company_file.empty()) started.company_file = options_.company_file;
  service::publish(tx, schema_, started, header_for(nullptr, now));
  tx.commit();
  metrics_.sessions_ended(superseded);
  metrics_.writes_in_doubt(in_doubt);
  metrics_.session_started();
  log_.info("session started", {{"ticket", ticket}});
  return qbwc::AuthenticateResponse{ticket, qbwc::Proceed{options_.company_file}, std::nullopt, std::nullopt};
}

std::expected<std::string, std::string> Gateway::try_send(const qbwc::SendRequestXmlRequest& request) {
  const auto now = clock_.now();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  auto session = lock_session(tx, request.ticket, now);
  if (!session) return std::unexpected("unknown or expired ticket");
  if (!session->qbxml_version) {
    const auto version = qbxml::negotiate_version(request.qbxml_major_version, request.qbxml_minor_version);
    if (!version) {
      set_last_error(tx, session->ticket, version.error());
      tx.commit();
      return std::unexpected(version.error());
    }
    session->qbxml_version = version->to_string();
    session->company_file = request.company_file_name;
    set_session_company(tx, session->ticket, *session->company_file, *session->qbxml_version);
  }
  extend_session(tx, session->ticket, now + options_.ticket_ttl);
  const auto rows = select_batch(sendable_requests(tx, *session, 4 * options_.batch.max_requests + 100), options_.batch);
  std::vector<std::string> elements;
  for (auto& row : mark_sent(tx, *session, rows, now)) elements.push_back(std::move(row.request_xml));
  tx.commit();
  if (elements.empty()) return std::string();
  metrics_.message_set_sent(elements.size());
  log_.info("request set sent", {{"ticket", session->ticket}, {"requests", elements.size()}});
  return pack_message_set(*session->qbxml_version, elements);
}

qbwc::Response Gateway::send_request_xml(const qbwc::SendRequestXmlRequest& request) {
  const bool first_call = !request.hcp_response.empty();
  if (!first_call) fill_batch(request.ticket);
  const auto deadline = std::chrono::steady_clock::now() + (first_call ? options_.first_work_wait : options_.work_wait);
  for (;;) {
    auto sent = try_send(request);
    if (!sent) return qbwc::SendRequestXmlResponse{""};
    if (!sent->empty() || std::chrono::steady_clock::now() >= deadline) return qbwc::SendRequestXmlResponse{*sent};
    std::this_thread::sleep_for(options_.work_poll);
  }
}

qbwc::Response Gateway::receive_response_xml(const qbwc::ReceiveResponseXmlRequest& request) {
  const auto now = clock_.now();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  auto session = lock_session(tx, request.ticket, now);
  if (!session) return qbwc::ReceiveResponseXmlResponse{-1};
  extend_session(tx, session->ticket, now + options_.ticket_ttl);
  const auto sent = sent_requests(tx, session->ticket);

  auto parsed = qbxml::parse_response_set(request.response);
  auto elements = response_elements(request.response);
  std::string failure;
  if (!request.hresult.empty())
    failure = "QuickBooks returned " + request.hresult + ": " + request.message;
  else if (!parsed)
    failure = "the qbXML response could not be read: " + parsed.error().to_string();
  else if (!elements || elements->size() != parsed->responses.size())
    failure = "the qbXML response could not be read: " + (elements ? "unexpected elements" : elements.error());
  if (!failure.empty()) {
    set_last_error(tx, session->ticket, failure);
    std::optional<Hresult> hresult;
    if (!request.hresult.empty()) hresult = Hresult{request.hresult, request.message};
    const auto in_doubt = settle_unanswered(tx, schema_, session->ticket, sent, hresult, options_.max_query_attempts, now);
    tx.commit();
    metrics_.writes_in_doubt(in_doubt);
    log_.warn("request set failed", {{"ticket", session->ticket}, {"error", failure}});
    return qbwc::ReceiveResponseXmlResponse{-1};
  }

  std::set<std::int64_t> matched;
  for (std::size_t i = 0; i < parsed->responses.size(); ++i) {
    const auto& response = parsed->responses[i];
    const auto row = std::find_if(sent.begin(), sent.end(), [&](const RequestRow& r) {
      return r.request_id == response.request_id && !matched.contains(r.row);
    });
    if (row == sent.end()) {
      log_.warn("response for a request not sent in this session", {{"request_id", response.request_id}});
      continue;
    }
    matched.insert(row->row);
    mark_answered(tx, session->ticket, row->row, now);
    service::publish(tx, schema_, answered(session->ticket, *row, response, std::move((*elements)[i])),
                     header_for(&*row, now));
    if (response.iterator_remaining_count.value_or(0) > 0 && !response.iterator_id.empty()) {
      auto next = continue_request(row->request_xml, response.iterator_id);
      if (next) enqueue_continuation(tx, *row, std::move(*next), session->ticket, now);
    }
  }
  std::vector<RequestRow> missing;
  for (const auto& row : sent)
    if (!matched.contains(row.row)) missing.push_back(row);
  const auto in_doubt =
      settle_unanswered(tx, schema_, session->ticket, missing, std::nullopt, options_.max_query_attempts, now);
  const auto answered_total = session->responses_received + static_cast<std::int64_t>(matched.size());
  auto pending = pending_for(tx, *session);
  tx.commit();
  metrics_.writes_in_doubt(in_doubt);
  if (pending == 0) pending = wait_for_pending(session->ticket);
  return qbwc::ReceiveResponseXmlResponse{percent_done(answered_total, pending)};
}

std::int64_t Gateway::wait_for_pending(const std::string& ticket) {
  const auto deadline = std::chrono::steady_clock::now() + options_.work_wait;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(options_.work_poll);
    auto lease = pool_.acquire();
    pqxx::work tx(*lease);
    const auto session = lock_session(tx, ticket, std::nullopt);
    const auto pending = session ? pending_for(tx, *session) : 0;
    tx.commit();
    if (!session || pending > 0) return pending;
  }
  return 0;
}

// Each round trip costs a QuickBooks ProcessRequest and an HTTP exchange: while the writer is
// still queueing (a request arrived within the last poll) a set that is not full waits for more.
void Gateway::fill_batch(const std::string& ticket) {
  const auto deadline = std::chrono::steady_clock::now() + options_.batch_fill_wait;
  while (std::chrono::steady_clock::now() < deadline) {
    auto lease = pool_.acquire();
    pqxx::work tx(*lease);
    const auto session = lock_session(tx, ticket, std::nullopt);
    const auto ready = session ? pending_for(tx, *session) : 0;
    const bool producing = ready > 0 && queued_for_since(tx, *session, clock_.now() - options_.work_poll);
    tx.commit();
    if (!producing || ready >= static_cast<std::int64_t>(options_.batch.max_requests)) return;
    std::this_thread::sleep_for(options_.work_poll);
  }
}

qbwc::Response Gateway::get_last_error(const qbwc::GetLastErrorRequest& request) {
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto session = lock_session(tx, request.ticket, clock_.now());
  std::string message;
  if (!session)
    message = "The session ticket is unknown or has expired.";
  else if (!session->last_error.empty())
    message = session->last_error;
  else
    message = "No more requests for this session.";
  tx.commit();
  return qbwc::GetLastErrorResponse{message};
}

qbwc::Response Gateway::end_by_client(const std::string& ticket, const std::string& reason) {
  const auto now = clock_.now();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto session = lock_session(tx, ticket, std::nullopt);
  if (!session) return qbwc::CloseConnectionResponse{"No open session for this ticket."};
  const auto in_doubt = end_session(tx, schema_, *session, reason.empty() ? "closeConnection" : reason,
                                    reason.empty() ? session->last_error : reason, now);
  tx.commit();
  metrics_.sessions_ended(1);
  metrics_.writes_in_doubt(in_doubt);
  log_.info("session ended", {{"ticket", ticket}, {"reason", reason.empty() ? "closeConnection" : reason}});
  return qbwc::CloseConnectionResponse{"OK"};
}

std::size_t Gateway::sweep_expired() {
  const auto now = clock_.now();
  auto lease = pool_.acquire();
  pqxx::work tx(*lease);
  const auto expired = expired_sessions(tx, now);
  std::size_t ended = 0, in_doubt = 0;
  for (const auto& ticket : expired)
    if (auto session = lock_session(tx, ticket, std::nullopt)) {
      in_doubt += end_session(tx, schema_, *session, "ticket expired", "ticket expired without closeConnection", now);
      ++ended;
    }
  tx.commit();
  metrics_.sessions_ended(ended);
  metrics_.writes_in_doubt(in_doubt);
  if (!expired.empty()) log_.info("expired sessions ended", {{"sessions", expired.size()}});
  return expired.size();
}

}  // namespace ml::qbwc_gateway
