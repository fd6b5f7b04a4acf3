// Network failures: nobody listening, and a peer that accepts but never answers.
#include <catch2/catch.hpp>

#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<ss::Client> client_for(unsigned short port, std::chrono::milliseconds io_timeout) {
  ss::ClientOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(port);
  options.api_key = "transport-test";
  options.io_timeout = io_timeout;
  options.connect_timeout = 1s;
  options.server_retries = 1;
  auto clock = std::make_shared<ml::core::ManualClock>(utc("2026-06-10T17:00:00Z"));
  auto limiter = std::make_shared<ss::RateLimiter>(clock, [clock](std::chrono::milliseconds d) { clock->advance(d); });
  return std::make_unique<ss::Client>(options, limiter, [](std::chrono::milliseconds) {});
}

}  // namespace

TEST_CASE("a silent peer times out the read and is reported as a transport error") {
  boost::asio::io_context io;
  // The kernel completes the TCP handshake for a listening socket; nobody ever answers.
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  auto client = client_for(silent.local_endpoint().port(), 200ms);
  const auto started = std::chrono::steady_clock::now();
  const auto stores = client->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::transport);
  CHECK(stores.error().message.find("timed out") != std::string::npos);
  CHECK(client->requests_sent() == 2);  // one retry
  CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("a refused connection is reported as a transport error") {
  unsigned short port = 0;
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor closed(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    port = closed.local_endpoint().port();
  }
  const auto stores = client_for(port, 1s)->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::transport);
  CHECK(stores.error().message.find("cannot connect") != std::string::npos);
}
