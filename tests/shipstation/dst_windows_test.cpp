// Polling with consecutive windows through both 2026 daylight-saving changes: every order
// modified during the night is seen, although ShipStation reads query bounds as Pacific wall time.
#include <catch2/catch.hpp>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;

namespace {

/// Creates an order every 5 minutes from `from` to `to` while polling every 20 minutes with
/// next_window(); returns the orders created that no window delivered.
std::set<std::int64_t> missed_overnight(const char* from, const char* to) {
  auto clock = std::make_shared<ml::core::ManualClock>(utc(from));
  RunningSim sim({}, clock);
  auto client = sim.client();
  const auto store = sim.first_store();
  std::set<std::int64_t> created, seen;
  ss::TimePoint watermark = utc(from);
  const auto poll = [&] {
    const auto window = ss::next_window(watermark, clock->now());
    const auto summary = client->orders_modified(window, [&](std::vector<ss::Order>&& page) {
      for (const auto& o : page) seen.insert(o.order_id);
    });
    REQUIRE(summary);
    watermark = window.end;
  };
  for (auto t = utc(from); t <= utc(to); t += 5min) {
    clock->set(t);
    created.insert(sim.scenario().create_order(simple_order(store)));
    if ((t - utc(from)) % 20min == 0min) poll();
  }
  clock->advance(5min);
  poll();
  std::set<std::int64_t> missed;
  for (const auto id : created)
    if (!seen.count(id)) missed.insert(id);
  return missed;
}

}  // namespace

TEST_CASE("windows across the spring-forward change (8 March 2026) miss no order") {
  CHECK(missed_overnight("2026-03-08T07:00:00Z", "2026-03-08T13:00:00Z").empty());
}

TEST_CASE("windows across the fall-back change (1 November 2026) miss no order") {
  CHECK(missed_overnight("2026-11-01T06:00:00Z", "2026-11-01T12:00:00Z").empty());
}

TEST_CASE("a window ending in the repeated hour still reaches the orders of its second pass") {
  // 09:40Z is 01:40 PST; ShipStation reads "01:40" as 01:40 PDT (08:40Z), an hour too early.
  const auto window = ss::next_window(utc("2026-11-01T09:20:00Z"), utc("2026-11-01T09:41:00Z"));
  CHECK(window.start <= utc("2026-11-01T08:10:00Z"));
}
