#pragma once
/// The gateway's PostgreSQL state (schema qbwc_gateway, found through the connection's
/// search_path): QBWC sessions and the queue of qbXML request elements. Every function runs
/// inside the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "ml/core/clock.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbwc_gateway/request_batch.hpp"

namespace ml::qbwc_gateway {

struct SessionRow {
  std::string ticket;
  std::string user_name;
  std::optional<std::string> company_file;
  std::optional<std::string> qbxml_version;
  std::string last_error;
  int sets_sent = 0;
  std::int64_t requests_sent = 0;
  std::int64_t responses_received = 0;
  std::int64_t in_doubt = 0;
};

/// A queued row with what is needed to send it and to answer for it.
struct RequestRow {
  std::int64_t row = 0;
  std::string request_id;
  int page = 0;
  messages::QbxmlRequestKind kind = messages::QbxmlRequestKind::query;
  std::string request_xml;
  std::string correlation_id;
  std::string causation_id;
  int attempts = 0;
};

/// Where the request came from (its qbxml.request envelope).
struct RequestOrigin {
  std::string correlation_id;
  std::string causation_id;
};

/// Inserts a request (page 0); a request_id already queued is left as it is (returns false).
bool enqueue(pqxx::work& tx, const messages::QbxmlRequest& request, const RequestOrigin& origin, core::TimePoint now);
/// Inserts the next page of an iterator, bound to `ticket`, ahead of everything else.
void enqueue_continuation(pqxx::work& tx, const RequestRow& previous, std::string request_xml, const std::string& ticket,
                          core::TimePoint now);

void open_session(pqxx::work& tx, const std::string& ticket, const std::string& user, core::TimePoint now,
                  core::TimePoint expires);
/// The open session, locked for this transaction; nullopt for an unknown or ended ticket, and for
/// one expired at `unexpired_at` when given.
std::optional<SessionRow> lock_session(pqxx::work& tx, const std::string& ticket,
                                       std::optional<core::TimePoint> unexpired_at);
/// Open sessions of `user` other than `ticket`.
std::vector<std::string> other_open_sessions(pqxx::work& tx, const std::string& user, const std::string& ticket);
/// Open sessions whose expiry passed, locked (skipping those another replica is ending).
std::vector<std::string> expired_sessions(pqxx::work& tx, core::TimePoint now);
void extend_session(pqxx::work& tx, const std::string& ticket, core::TimePoint expires);
void set_session_company(pqxx::work& tx, const std::string& ticket, const std::string& company_file,
                         const std::string& qbxml_version);
void set_last_error(pqxx::work& tx, const std::string& ticket, const std::string& message);
void mark_session_ended(pqxx::work& tx, const std::string& ticket, const std::string& reason, core::TimePoint now);

/// Pending rows this session may send (its company or any company, not bound to another session),
/// locked; `dependency_met` tells whether depends_on is answered.
std::vector<QueuedRequest> sendable_requests(pqxx::work& tx, const SessionRow& session, std::size_t max_rows);
/// Marks `rows` sent as the session's next set and returns them in the given order.
std::vector<RequestRow> mark_sent(pqxx::work& tx, const SessionRow& session, const std::vector<std::int64_t>& rows,
                                  core::TimePoint now);
/// Rows sent under `ticket` still waiting for their response.
std::vector<RequestRow> sent_requests(pqxx::work& tx, const std::string& ticket);

void mark_answered(pqxx::work& tx, const std::string& ticket, std::int64_t row, core::TimePoint now);
void mark_in_doubt(pqxx::work& tx, const std::string& ticket, std::int64_t row, core::TimePoint now);
void mark_requeued(pqxx::work& tx, std::int64_t row);
void mark_dropped(pqxx::work& tx, std::int64_t row, core::TimePoint now);
/// Drops the pending iterator pages bound to `ticket` (an iterator dies with its session).
std::int64_t drop_session_continuations(pqxx::work& tx, const std::string& ticket, core::TimePoint now);

/// Pending rows the session could still be given: ready, or waiting for a request that may still
/// be answered (not for one in doubt, dropped or unknown).
std::int64_t pending_for(pqxx::work& tx, const SessionRow& session);
/// Whether a request from the bus (not an iterator page) the session could be given was queued
/// after `since`: the writer is still producing.
bool queued_for_since(pqxx::work& tx, const SessionRow& session, core::TimePoint since);
/// Whether a session started after `since`.
bool session_started_since(pqxx::work& tx, core::TimePoint since);
/// Pending rows not bound to a session that may be sent (for authenticate).
std::int64_t pending_unbound(pqxx::work& tx);

}  // namespace ml::qbwc_gateway
