#pragma once
/// Idempotent consumers: a message id is claimed in the same transaction as the state change it
/// causes, so a redelivered message is recognised and changes nothing.
#include <string_view>

#include <pqxx/transaction>

namespace ml::store {

/// Records (consumer, message_id) in `<schema>.inbox`: true the first time, false when it was
/// already claimed (INSERT ... ON CONFLICT DO NOTHING). A concurrent claim of the same id waits
/// for the other transaction and then sees its outcome.
bool inbox_claim(pqxx::work& tx, std::string_view schema, std::string_view consumer,
                 std::string_view message_id);

/// As above, in the `inbox` table found on the connection's search_path (the service's schema,
/// e.g. set by PoolOptions::schema or the database role's default search_path).
bool inbox_claim(pqxx::work& tx, std::string_view consumer, std::string_view message_id);

}  // namespace ml::store
