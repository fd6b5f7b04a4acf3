#include "ml/shipstation_ingest/poll_lock.hpp"

#include <pqxx/pqxx>

namespace ml::shipstation_ingest {
namespace {

// First key of the two-key advisory lock; the second is hashtext(api key id). libs/store uses 0x6d6c0001/2.
constexpr int kPollLockKey = 0x6d6c1001;

}  // namespace

PollLock::PollLock(store::ConnectionPool& pool, std::string api_key_id) : pool_(pool), key_id_(std::move(api_key_id)) {}

PollLock::~PollLock() { release(); }

bool PollLock::try_acquire() {
  if (lease_) return true;
  auto lease = pool_.acquire();
  pqxx::nontransaction tx(*lease);
  const bool taken =
      tx.exec_params1("SELECT pg_try_advisory_lock($1, hashtext($2))", kPollLockKey, key_id_)[0].as<bool>();
  if (taken) lease_.emplace(std::move(lease));
  return taken;
}

void PollLock::release() {
  if (!lease_) return;
  try {
    pqxx::nontransaction tx(**lease_);
    tx.exec_params("SELECT pg_advisory_unlock($1, hashtext($2))", kPollLockKey, key_id_);
  } catch (const std::exception&) {
    lease_->discard();  // closing the session frees the lock as well
  }
  lease_.reset();
}

}  // namespace ml::shipstation_ingest
