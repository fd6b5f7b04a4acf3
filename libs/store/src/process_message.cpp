#include "ml/store/process_message.hpp"

#include <optional>

#include "ml/store/inbox.hpp"

namespace ml::store {

namespace {

ProcessOutcome run(ConnectionPool& pool, std::optional<std::string_view> schema,
                   std::string_view consumer, std::string_view message_id,
                   const std::function<void(pqxx::work&)>& apply) {
  auto lease = pool.acquire();
  {
    pqxx::work tx(*lease);
    const bool first = schema ? inbox_claim(tx, *schema, consumer, message_id)
                              : inbox_claim(tx, consumer, message_id);
    if (!first) return ProcessOutcome::Duplicate;
    apply(tx);
    try {
      tx.commit();
      return ProcessOutcome::Applied;
    } catch (const pqxx::in_doubt_error&) {
      // Discarded below: the transaction must be destroyed before its connection.
    }
  }
  lease.discard();
  return ProcessOutcome::InDoubt;
}

}  // namespace

const char* to_string(ProcessOutcome outcome) noexcept {
  switch (outcome) {
    case ProcessOutcome::Applied: return "applied";
    case ProcessOutcome::Duplicate: return "duplicate";
    case ProcessOutcome::InDoubt: return "in doubt";
  }
  return "unknown";
}

ProcessOutcome process_message(ConnectionPool& pool, std::string_view schema,
                               std::string_view consumer, std::string_view message_id,
                               const std::function<void(pqxx::work&)>& apply) {
  return run(pool, schema, consumer, message_id, apply);
}

ProcessOutcome process_message(ConnectionPool& pool, std::string_view consumer,
                               std::string_view message_id,
                               const std::function<void(pqxx::work&)>& apply) {
  return run(pool, std::nullopt, consumer, message_id, apply);
}

}  // namespace ml::store
