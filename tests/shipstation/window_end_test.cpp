// A window's watermark may only claim what its query asked for: ShipStation's date filters name
// whole seconds, so a change in the part-second before `now - settle` belongs to the next window.
#include <catch2/catch.hpp>

#include <algorithm>

#include "running_sim.hpp"

using namespace ss_test;
using namespace std::chrono_literals;

namespace {

/// An order modified at 12:00:00.3 and the window planned at 12:00:01.8 with one second to settle.
struct PartSecondChange {
  std::shared_ptr<ml::core::ManualClock> clock = std::make_shared<ml::core::ManualClock>(utc("2026-06-10T12:00:00.3Z"));
  RunningSim sim{{}, clock};
  std::unique_ptr<ss::Client> client = sim.client();
  std::int64_t order = sim.scenario().create_order(simple_order(sim.first_store()));
  ss::Window window;

  PartSecondChange() {
    clock->advance(1500ms);
    window = ss::next_window(utc("2026-06-10T11:59:00Z"), clock->now(), 10min, 1s);
  }

  bool delivered_by(const ss::Window& w) {
    Collected<ss::Order> got;
    REQUIRE(client->orders_modified(w, got.sink()));
    return std::any_of(got.records.begin(), got.records.end(), [&](const ss::Order& o) { return o.order_id == order; });
  }
};

}  // namespace

TEST_CASE("a window ends on the whole second its query names, so its watermark stays before what it left out") {
  PartSecondChange change;
  CHECK(change.window.end == utc("2026-06-10T12:00:00Z"));
  CHECK_FALSE(change.delivered_by(change.window));
}

TEST_CASE("the next window delivers an order modified in the part-second after the last window's end") {
  PartSecondChange change;
  change.clock->advance(15s);
  CHECK(change.delivered_by(ss::next_window(change.window.end, change.clock->now(), 10min, 1s)));
}
