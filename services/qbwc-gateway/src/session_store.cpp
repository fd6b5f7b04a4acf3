#include "ml/qbwc_gateway/session_store.hpp"

#include "ml/messages/enum_names.hpp"

namespace ml::qbwc_gateway {
namespace {

std::string at(core::TimePoint t) { return core::format_rfc3339(t); }

std::optional<std::string> optional_text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

constexpr const char* kRequestColumns =
    "row_id, request_id, page, kind, request_xml, correlation_id, causation_id, attempts";

RequestRow request_row(const pqxx::row& r) {
  RequestRow row;
  row.row = r[0].as<std::int64_t>();
  row.request_id = r[1].as<std::string>();
  row.page = r[2].as<int>();
  row.kind = r[3].as<std::string>() == "write" ? messages::QbxmlRequestKind::write : messages::QbxmlRequestKind::query;
  row.request_xml = r[4].as<std::string>();
  row.correlation_id = r[5].as<std::string>();
  row.causation_id = r[6].as<std::string>();
  row.attempts = r[7].as<int>();
  return row;
}

std::vector<std::string> tickets(const pqxx::result& result) {
  std::vector<std::string> out;
  for (const auto& r : result) out.push_back(r[0].as<std::string>());
  return out;
}

// Rows the session may be given: its company (or any), and unbound or bound to it.
constexpr const char* kSessionScope =
    " state = 'pending' AND (session_ticket IS NULL OR session_ticket = $1)"
    " AND (company_file = '' OR $2 = '' OR lower(company_file) = lower($2))";

// ...and may go out once what it depends on is answered (not for a dependency in doubt, dropped or unknown).
constexpr const char* kMayBeSent =
    " AND (depends_on IS NULL OR EXISTS (SELECT 1 FROM requests d"
    "   WHERE d.request_id = r.depends_on AND d.state IN ('pending', 'sent', 'answered')))";

}  // namespace

bool enqueue(pqxx::work& tx, const messages::QbxmlRequest& request, const RequestOrigin& origin, core::TimePoint now) {
  const auto result = tx.exec_params(
      "INSERT INTO requests (request_id, company_file, priority, depends_on, kind, request_xml, posting_key,"
      " correlation_id, causation_id, enqueued_at)"
      " VALUES ($1, $2, $3, NULLIF($4, ''), $5, $6, NULLIF($7, ''), $8, $9, $10::timestamptz)"
      " ON CONFLICT (request_id, page) DO NOTHING",
      request.request_id, request.company_file, request.priority, request.depends_on.value_or(""),
      std::string(messages::to_string(request.kind)), request.request_xml, request.posting_key.value_or(""),
      origin.correlation_id, origin.causation_id, at(now));
  return result.affected_rows() == 1;
}

void enqueue_continuation(pqxx::work& tx, const RequestRow& previous, std::string request_xml, const std::string& ticket,
                          core::TimePoint now) {
  tx.exec_params(
      "INSERT INTO requests (request_id, page, company_file, priority, kind, request_xml, correlation_id,"
      " causation_id, session_ticket, enqueued_at)"
      " SELECT request_id, $2, company_file, -1, kind, $3, correlation_id, causation_id, $4, $5::timestamptz"
      " FROM requests WHERE row_id = $1",
      previous.row, previous.page + 1, request_xml, ticket, at(now));
}

void open_session(pqxx::work& tx, const std::string& ticket, const std::string& user, core::TimePoint now,
                  core::TimePoint expires) {
  tx.exec_params("INSERT INTO sessions (ticket, user_name, started_at, expires_at)"
                 " VALUES ($1, $2, $3::timestamptz, $4::timestamptz)",
                 ticket, user, at(now), at(expires));
}

std::optional<SessionRow> lock_session(pqxx::work& tx, const std::string& ticket,
                                       std::optional<core::TimePoint> unexpired_at) {
  const auto result = tx.exec_params(
      "SELECT ticket, user_name, company_file, qbxml_version, coalesce(last_error, ''), sets_sent, requests_sent,"
      " responses_received, in_doubt FROM sessions"
      " WHERE ticket = $1 AND state = 'open' AND ($2 = '' OR expires_at > $2::timestamptz) FOR UPDATE",
      ticket, unexpired_at ? at(*unexpired_at) : std::string());
  if (result.empty()) return std::nullopt;
  const auto& r = result[0];
  return SessionRow{r[0].as<std::string>(),  r[1].as<std::string>(),  optional_text(r[2]),
                    optional_text(r[3]),     r[4].as<std::string>(),  r[5].as<int>(),
                    r[6].as<std::int64_t>(), r[7].as<std::int64_t>(), r[8].as<std::int64_t>()};
}

std::vector<std::string> other_open_sessions(pqxx::work& tx, const std::string& user, const std::string& ticket) {
  return tickets(tx.exec_params(
      "SELECT ticket FROM sessions WHERE user_name = $1 AND ticket <> $2 AND state = 'open' FOR UPDATE SKIP LOCKED",
      user, ticket));
}

std::vector<std::string> expired_sessions(pqxx::work& tx, core::TimePoint now) {
  return tickets(tx.exec_params(
      "SELECT ticket FROM sessions WHERE state = 'open' AND expires_at <= $1::timestamptz FOR UPDATE SKIP LOCKED",
      at(now)));
}

void extend_session(pqxx::work& tx, const std::string& ticket, core::TimePoint expires) {
  tx.exec_params("UPDATE sessions SET expires_at = $2::timestamptz WHERE ticket = $1", ticket, at(expires));
}

void set_session_company(pqxx::work& tx, const std::string& ticket, const std::string& company_file,
                         const std::string& qbxml_version) {
  tx.exec_params("UPDATE sessions SET company_file = $2, qbxml_version = $3 WHERE ticket = $1", ticket, company_file,
                 qbxml_version);
}

void set_last_error(pqxx::work& tx, const std::string& ticket, const std::string& message) {
  tx.exec_params("UPDATE sessions SET last_error = NULLIF($2, '') WHERE ticket = $1", ticket, message);
}

void mark_session_ended(pqxx::work& tx, const std::string& ticket, const std::string& reason, core::TimePoint now) {
  tx.exec_params("UPDATE sessions SET state = 'ended', ended_at = $2::timestamptz, end_reason = $3 WHERE ticket = $1",
                 ticket, at(now), reason);
}

std::vector<QueuedRequest> sendable_requests(pqxx::work& tx, const SessionRow& session, std::size_t max_rows) {
  const auto result = tx.exec_params(
      std::string("SELECT row_id, priority, octet_length(request_xml),"
                  " depends_on IS NULL OR EXISTS (SELECT 1 FROM requests d"
                  "   WHERE d.request_id = r.depends_on AND d.state = 'answered')"
                  " FROM requests r WHERE") +
          kSessionScope + " ORDER BY priority, row_id LIMIT $3 FOR UPDATE SKIP LOCKED",
      session.ticket, session.company_file.value_or(""), static_cast<std::int64_t>(max_rows));
  std::vector<QueuedRequest> out;
  for (const auto& r : result)
    out.push_back({r[0].as<std::int64_t>(), r[1].as<int>(), r[3].as<bool>(), r[2].as<std::size_t>()});
  return out;
}

std::vector<RequestRow> mark_sent(pqxx::work& tx, const SessionRow& session, const std::vector<std::int64_t>& rows,
                                  core::TimePoint now) {
  const int set = session.sets_sent + 1;
  std::vector<RequestRow> out;
  for (const auto row : rows) {
    const auto result = tx.exec_params(
        std::string("UPDATE requests SET state = 'sent', sent_ticket = $2, sent_set = $3, sent_at = $4::timestamptz,"
                    " attempts = attempts + 1 WHERE row_id = $1 RETURNING ") +
            kRequestColumns,
        row, session.ticket, set, at(now));
    out.push_back(request_row(result.at(0)));
  }
  tx.exec_params("UPDATE sessions SET sets_sent = $2, requests_sent = requests_sent + $3 WHERE ticket = $1",
                 session.ticket, set, static_cast<std::int64_t>(rows.size()));
  return out;
}

std::vector<RequestRow> sent_requests(pqxx::work& tx, const std::string& ticket) {
  const auto result = tx.exec_params(std::string("SELECT ") + kRequestColumns +
                                         " FROM requests WHERE state = 'sent' AND sent_ticket = $1 ORDER BY row_id",
                                     ticket);
  std::vector<RequestRow> out;
  for (const auto& r : result) out.push_back(request_row(r));
  return out;
}

void mark_answered(pqxx::work& tx, const std::string& ticket, std::int64_t row, core::TimePoint now) {
  tx.exec_params("UPDATE requests SET state = 'answered', settled_at = $2::timestamptz WHERE row_id = $1", row, at(now));
  tx.exec_params("UPDATE sessions SET responses_received = responses_received + 1 WHERE ticket = $1", ticket);
}

void mark_in_doubt(pqxx::work& tx, const std::string& ticket, std::int64_t row, core::TimePoint now) {
  tx.exec_params("UPDATE requests SET state = 'in_doubt', settled_at = $2::timestamptz WHERE row_id = $1", row, at(now));
  tx.exec_params("UPDATE sessions SET in_doubt = in_doubt + 1 WHERE ticket = $1", ticket);
}

void mark_requeued(pqxx::work& tx, std::int64_t row) {
  tx.exec_params("UPDATE requests SET state = 'pending', sent_ticket = NULL, sent_set = NULL WHERE row_id = $1", row);
}

void mark_dropped(pqxx::work& tx, std::int64_t row, core::TimePoint now) {
  tx.exec_params("UPDATE requests SET state = 'dropped', settled_at = $2::timestamptz WHERE row_id = $1", row, at(now));
}

std::int64_t drop_session_continuations(pqxx::work& tx, const std::string& ticket, core::TimePoint now) {
  return tx
      .exec_params("UPDATE requests SET state = 'dropped', settled_at = $2::timestamptz"
                   " WHERE state = 'pending' AND session_ticket = $1",
                   ticket, at(now))
      .affected_rows();
}

std::int64_t pending_for(pqxx::work& tx, const SessionRow& session) {
  return tx
      .exec_params(std::string("SELECT count(*) FROM requests r WHERE") + kSessionScope + kMayBeSent, session.ticket,
                   session.company_file.value_or(""))
      .at(0)[0]
      .as<std::int64_t>();
}

bool queued_for_since(pqxx::work& tx, const SessionRow& session, core::TimePoint since) {
  return tx
      .exec_params(std::string("SELECT EXISTS (SELECT 1 FROM requests r WHERE") + kSessionScope +
                       " AND page = 0 AND enqueued_at > $3::timestamptz)",
                   session.ticket, session.company_file.value_or(""), at(since))
      .at(0)[0]
      .as<bool>();
}

bool session_started_since(pqxx::work& tx, core::TimePoint since) {
  return tx.exec_params("SELECT EXISTS (SELECT 1 FROM sessions WHERE started_at > $1::timestamptz)", at(since))
      .at(0)[0]
      .as<bool>();
}

std::int64_t pending_unbound(pqxx::work& tx) {
  return tx.exec(std::string("SELECT count(*) FROM requests r WHERE state = 'pending' AND session_ticket IS NULL") +
                 kMayBeSent)
      .at(0)[0]
      .as<std::int64_t>();
}

}  // namespace ml::qbwc_gateway
