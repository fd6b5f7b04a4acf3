#pragma once
#include <cstddef>
/// What becomes of sent requests and of sessions, with the messages that tell qbxml-writer,
/// written to the schema's outbox in the caller's transaction.
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "ml/core/clock.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbwc_gateway/session_store.hpp"

namespace ml::qbwc_gateway {

/// Header for a message about `row`'s request: new id, its correlation id, caused by its
/// qbxml.request; a new flow when `row` is null.
messages::EnvelopeHeader header_for(const RequestRow* row, core::TimePoint now);

/// QuickBooks' HRESULT when a whole set failed.
struct Hresult {
  std::string code;
  std::string message;
};

/// Sent requests whose response never came: a write becomes in doubt (qbxml.response in_doubt, never
/// re-sent); a query goes back to the queue, or, after a set failed by hresult `max_query_attempts`
/// times, is answered with outcome hresult_error. Returns how many writes became in doubt.
std::size_t settle_unanswered(pqxx::work& tx, const std::string& schema, const std::string& ticket,
                       const std::vector<RequestRow>& rows, const std::optional<Hresult>& hresult,
                       int max_query_attempts, core::TimePoint now);

/// Ends the session: unanswered requests settled, its iterator pages dropped, qbwc.session ended
/// published with its counts. `error` is empty for a normal close. Returns how many writes became
/// in doubt.
std::size_t end_session(pqxx::work& tx, const std::string& schema, const SessionRow& session, const std::string& reason,
                 const std::string& error, core::TimePoint now);

}  // namespace ml::qbwc_gateway
