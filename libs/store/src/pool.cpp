#include "ml/store/pool.hpp"

#include <poll.h>

#include <pqxx/pqxx>

#include "ml/store/schema_name.hpp"

namespace ml::store {

namespace {

// An idle connection outside a transaction has nothing to read unless the server sent its
// farewell (e.g. "terminating connection due to administrator command") and closed the socket.
bool looks_healthy(pqxx::connection& connection) {
  if (!connection.is_open()) return false;
  pollfd socket{connection.sock(), POLLIN, 0};
  return ::poll(&socket, 1, 0) == 0;
}

}  // namespace

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

ConnectionPool::Lease& ConnectionPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = other.pool_;
    connection_ = std::move(other.connection_);
  }
  return *this;
}

ConnectionPool::Lease::~Lease() { release(); }

void ConnectionPool::Lease::release() noexcept {
  if (connection_) {
    const bool reusable = connection_->is_open();
    pool_->give_back(std::move(connection_), reusable);
  }
}

void ConnectionPool::Lease::discard() noexcept {
  if (connection_) pool_->give_back(std::move(connection_), false);
}

ConnectionPool::ConnectionPool(std::string url, std::size_t size, PoolOptions options)
    : url_(std::move(url)), size_(size), options_(std::move(options)) {
  if (size_ == 0) throw std::invalid_argument("ConnectionPool size must be at least 1");
  if (!options_.schema.empty()) quoted_schema(options_.schema);
  idle_.push_back(open_connection());
  open_ = 1;
}

ConnectionPool::~ConnectionPool() = default;

std::unique_ptr<pqxx::connection> ConnectionPool::open_connection() const {
  auto connection = std::make_unique<pqxx::connection>(url_);
  if (!options_.schema.empty()) {
    pqxx::nontransaction tx(*connection);
    tx.exec0("SET search_path TO " + quoted_schema(options_.schema) + ", public");
  }
  return connection;
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  while (true) {
    while (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      if (looks_healthy(*connection)) return Lease(*this, std::move(connection));
      --open_;
      ++replaced_;
    }
    if (open_ < size_) break;
    if (!freed_.wait_until(lock, deadline, [this] { return !idle_.empty() || open_ < size_; }))
      throw PoolExhausted("no PostgreSQL connection became free within " +
                          std::to_string(options_.acquire_timeout.count()) + " ms (all " +
                          std::to_string(size_) + " connections of the pool are leased)");
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, open_connection());
  } catch (...) {
    give_back(nullptr, false);
    throw;
  }
}

void ConnectionPool::give_back(std::unique_ptr<pqxx::connection> connection,
                               bool reusable) noexcept {
  {
    std::lock_guard lock(mutex_);
    if (reusable) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
      if (connection) ++replaced_;
    }
  }
  freed_.notify_one();
}

std::size_t ConnectionPool::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t ConnectionPool::replaced_connections() const {
  std::lock_guard lock(mutex_);
  return replaced_;
}

}  // namespace ml::store
