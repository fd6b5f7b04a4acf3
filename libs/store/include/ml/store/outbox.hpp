#pragma once
/// Transactional outbox: messages are written in the business transaction and published
/// afterwards by an OutboxRelay, at least once and in `seq` order.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pqxx/transaction>

#include "ml/store/pool.hpp"

namespace ml::store {

struct OutboxMessage {
  std::string message_id{};
  std::string routing_key{};
  std::string body{};
  /// Kept in order (stored as a JSON array of [name, value] pairs).
  std::vector<std::pair<std::string, std::string>> headers{};
};

/// Inserts `message` into `<schema>.outbox` within `tx`; nothing is relayed unless tx commits.
/// A message id already in the outbox raises pqxx::unique_violation.
void outbox_add(pqxx::work& tx, std::string_view schema, const OutboxMessage& message);

/// Publishes committed outbox rows of one schema.
///
/// One relay_batch() call, in one transaction: takes the schema's relay advisory lock (if another
/// relay holds it, returns 0 at once), reads up to `max` unsent rows in seq order, hands them to
/// `publish_confirmed`, marks them sent, commits. The lock (rather than FOR UPDATE SKIP LOCKED)
/// makes one relay active per schema, so batches leave in seq order even with many replicas.
/// When publish_confirmed throws, the rows' attempts and last_error are updated, they stay
/// unsent (the next call retries the same rows first) and the exception propagates.
/// If publishing succeeded but marking "sent" is lost, the rows are published again later:
/// delivery is at least once and consumers' inboxes absorb the repeat.
class OutboxRelay {
 public:
  /// Must return only once the broker confirmed every message; throws otherwise.
  using PublishConfirmed = std::function<void(const std::vector<OutboxMessage>&)>;

  OutboxRelay(ConnectionPool& pool, std::string schema, PublishConfirmed publish_confirmed);

  /// Number of messages published and marked sent (0: nothing pending, or another relay is busy).
  std::size_t relay_batch(std::size_t max);

 private:
  ConnectionPool& pool_;
  std::string schema_;
  std::string quoted_;
  PublishConfirmed publish_confirmed_;
};

/// Number of unsent rows in `<schema>.outbox` (for health checks and metrics).
std::size_t outbox_pending(pqxx::connection& connection, std::string_view schema);

/// Deletes rows sent more than `older_than` ago; returns how many.
std::size_t outbox_delete_sent(pqxx::work& tx, std::string_view schema, std::chrono::seconds older_than);

}  // namespace ml::store
