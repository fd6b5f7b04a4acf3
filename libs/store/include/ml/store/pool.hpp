#pragma once
/// A fixed-size pool of PostgreSQL connections handed out as RAII leases.
///
///   ml::store::ConnectionPool pool(url, 4);
///   { auto lease = pool.acquire(); pqxx::work tx(*lease); ...; tx.commit(); }  // back to the pool
///
/// Connections are opened on demand up to `size` (the first one in the constructor, so a wrong
/// URL fails at start-up). A connection found broken (when returned, or when handed out again
/// after the server closed it) is dropped and a fresh one is opened in its place.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace ml::store {

/// Raised by ConnectionPool::acquire when no connection became free within the timeout.
class PoolExhausted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PoolOptions {
  /// How long acquire() waits for a free connection before throwing PoolExhausted.
  std::chrono::milliseconds acquire_timeout{5000};
  /// When set, every connection runs `SET search_path TO "<schema>", public`, so unqualified
  /// names (and the schema-less inbox_claim/process_message) resolve to the service's schema.
  std::string schema{};
};

class ConnectionPool {
 public:
  /// One borrowed connection; goes back to the pool when destroyed. Move-only.
  /// The pool must outlive its leases.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    pqxx::connection& operator*() const { return *connection_; }
    pqxx::connection* operator->() const { return connection_.get(); }

    /// Closes the connection instead of returning it (e.g. after an in-doubt commit).
    void discard() noexcept;

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection);
    void release() noexcept;

    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  /// Opens the first connection now; throws pqxx::broken_connection when the server is unreachable
  /// and std::invalid_argument for size 0 or a bad schema name.
  ConnectionPool(std::string url, std::size_t size, PoolOptions options = {});
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;
  ~ConnectionPool();

  /// A healthy connection; waits up to options.acquire_timeout, then throws PoolExhausted.
  Lease acquire();

  std::size_t size() const noexcept { return size_; }
  /// Connections currently open (leased or idle).
  std::size_t open_connections() const;
  /// Connections dropped as broken or discarded since the pool was made.
  std::size_t replaced_connections() const;

 private:
  std::unique_ptr<pqxx::connection> open_connection() const;
  void give_back(std::unique_ptr<pqxx::connection> connection, bool reusable) noexcept;

  const std::string url_;
  const std::size_t size_;
  const PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;
  std::size_t replaced_ = 0;
};

}  // namespace ml::store
