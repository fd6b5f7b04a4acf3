#pragma once
/// The PostgreSQL advisory lock that lets one replica poll per API key. It is a session lock on
/// a connection leased for as long as it is held, so a crashed holder frees it automatically.
#include <optional>
#include <string>

#include "ml/store/pool.hpp"

namespace ml::shipstation_ingest {

class PollLock {
 public:
  PollLock(store::ConnectionPool& pool, std::string api_key_id);
  ~PollLock();
  PollLock(const PollLock&) = delete;
  PollLock& operator=(const PollLock&) = delete;

  /// Takes the lock unless another session holds it; true when this object holds it now.
  bool try_acquire();
  void release();
  bool held() const { return lease_.has_value(); }

 private:
  store::ConnectionPool& pool_;
  std::string key_id_;
  std::optional<store::ConnectionPool::Lease> lease_;
};

}  // namespace ml::shipstation_ingest
