#pragma once
/// Handling one consumed message the only safe way: inbox claim, state change, outbox and audit
/// in one transaction, and an outcome that tells the caller whether to ack.
///
///   switch (ml::store::process_message(pool, "reconciler", "reconciler.orders", msg.id,
///                                      [&](pqxx::work& tx) { apply_order(tx, msg); })) {
///     case ProcessOutcome::Applied:
///     case ProcessOutcome::Duplicate: ack(); break;
///     case ProcessOutcome::InDoubt: break;  // no ack: redelivery is absorbed by the inbox
///   }
#include <functional>
#include <string_view>

#include <pqxx/transaction>

#include "ml/store/pool.hpp"

namespace ml::store {

enum class ProcessOutcome {
  Applied,    ///< committed: ack the message
  Duplicate,  ///< processed before (inbox): ack the message, nothing was changed
  InDoubt,    ///< the connection was lost during COMMIT: do NOT ack; the redelivery settles it
};

const char* to_string(ProcessOutcome outcome) noexcept;

/// One transaction: inbox_claim(schema, consumer, message_id); if it is a duplicate nothing else
/// runs; otherwise apply(tx) (state + outbox_add + audit_append), then COMMIT. An exception from
/// claim or apply rolls everything back and propagates (the caller decides retry or reject).
/// A lost connection during COMMIT (pqxx::in_doubt_error) yields InDoubt and the connection is
/// discarded. Other COMMIT failures propagate.
ProcessOutcome process_message(ConnectionPool& pool, std::string_view schema,
                               std::string_view consumer, std::string_view message_id,
                               const std::function<void(pqxx::work&)>& apply);

/// As above with the inbox found on the connection's search_path (see PoolOptions::schema).
ProcessOutcome process_message(ConnectionPool& pool, std::string_view consumer,
                               std::string_view message_id,
                               const std::function<void(pqxx::work&)>& apply);

}  // namespace ml::store
