#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

#include <pqxx/pqxx>

#include "ml/store/pool.hpp"
#include "ml/testing/environment.hpp"
#include "test_schema.hpp"

using ml::store::ConnectionPool;
using ml::store::PoolExhausted;
using ml::store::testing::terminate_backend;
using namespace std::chrono_literals;

namespace {

int backend_of(ConnectionPool::Lease& lease) {
  pqxx::work tx(*lease);
  return tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
}

}  // namespace

TEST_CASE("a connection the server closed while it was idle is replaced before it is handed out") {
  ConnectionPool pool(ml::testing::pg_url(), 1);
  int old_pid = 0;
  {
    auto lease = pool.acquire();
    old_pid = backend_of(lease);
  }
  terminate_backend(old_pid);
  auto lease = pool.acquire();
  CHECK(backend_of(lease) != old_pid);
  CHECK(pool.replaced_connections() == 1);
}

TEST_CASE("a connection that broke while leased is dropped when returned and a new one is opened") {
  ConnectionPool pool(ml::testing::pg_url(), 1);
  int old_pid = 0;
  {
    auto lease = pool.acquire();
    old_pid = backend_of(lease);
    terminate_backend(old_pid);
    CHECK_THROWS_AS(backend_of(lease), pqxx::broken_connection);
  }
  CHECK(pool.open_connections() == 0);
  auto lease = pool.acquire();
  CHECK(backend_of(lease) != old_pid);
  CHECK(pool.open_connections() == 1);
}

TEST_CASE("acquire on an exhausted pool gives up after the timeout with a clear error") {
  ConnectionPool pool(ml::testing::pg_url(), 1, {.acquire_timeout = 100ms});
  auto held = pool.acquire();
  CHECK_THROWS_WITH(pool.acquire(), Catch::Contains("no PostgreSQL connection became free within 100 ms"));
}

TEST_CASE("a lease returned by another thread is handed to a waiting acquire") {
  ConnectionPool pool(ml::testing::pg_url(), 1);
  auto held = std::make_unique<ConnectionPool::Lease>(pool.acquire());
  auto waiter = std::async(std::launch::async, [&] {
    auto lease = pool.acquire();
    return backend_of(lease);
  });
  std::this_thread::sleep_for(50ms);
  const int pid = backend_of(*held);
  held.reset();
  CHECK(waiter.get() == pid);
  CHECK(pool.open_connections() == 1);
}

TEST_CASE("a pool that cannot reach the server fails when made") {
  CHECK_THROWS_AS(ConnectionPool("postgresql://ml@127.0.0.1:1/ml?connect_timeout=2", 2),
                  pqxx::broken_connection);
}
