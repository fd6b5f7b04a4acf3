// Real time against a simulator whose rate window is shortened to seconds; the real limits
// (40 per 60 s) stay the defaults everywhere else.
#include <catch2/catch.hpp>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;

namespace {

const ss::Window kWholeMonth{utc("2026-02-01T00:00:00Z"), utc("2026-05-01T00:00:00Z")};

sim::SimOptions small_budget(int limit, std::chrono::milliseconds window) {
  auto options = month_of(2000);
  options.rate_limit = limit;
  options.rate_window = window;
  return options;
}

}  // namespace

TEST_CASE("a walk that needs several rate windows never gets a 429") {
  RunningSim sim(small_budget(10, 1s));
  const auto expected = sim.order_ids();
  auto client = sim.client([](ss::ClientOptions& o) { o.page_size = 100; });
  Collected<ss::Order> got;
  const auto summary = client->orders_modified(kWholeMonth, got.sink());
  REQUIRE(summary);
  CHECK(summary->requests == static_cast<std::int64_t>((expected.size() + 99) / 100));
  CHECK(summary->requests > 20);  // more than two windows' worth
  CHECK(got.records.size() == expected.size());
  CHECK(sim.server().counters().rate_limited == 0);
  CHECK(client->throttled_responses() == 0);
}

TEST_CASE("a 429 without warning is waited out and the walk completes") {
  RunningSim sim(small_budget(10, 2s));
  const auto expected = sim.order_ids();
  auto client = sim.client();
  sim.scenario().inject_429(1);
  Collected<ss::Order> got;
  const auto started = std::chrono::steady_clock::now();
  const auto summary = client->orders_modified(kWholeMonth, got.sink());
  const auto took = std::chrono::steady_clock::now() - started;
  REQUIRE(summary);
  CHECK(got.records.size() == expected.size());
  CHECK(sim.server().counters().rate_limited == 1);
  CHECK(client->throttled_responses() == 1);
  CHECK(summary->requests == static_cast<std::int64_t>((expected.size() + 499) / 500) + 1);
  CHECK(took >= 1s);  // it waited for the reset instead of hammering
}

TEST_CASE("a 429 that never ends is reported as rate_limited after the allowed waits") {
  RunningSim sim(small_budget(10, 1s));
  auto client = sim.client([](ss::ClientOptions& o) { o.throttle_retries = 2; });
  sim.scenario().inject_429(100);
  const auto stores = client->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::rate_limited);
  CHECK(sim.server().counters().rate_limited == 3);
}
