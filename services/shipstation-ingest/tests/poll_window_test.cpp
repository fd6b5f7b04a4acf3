// Which window a poll asks for: backfill first, then watermark minus overlap up to now minus settle.
#include <catch2/catch.hpp>

#include "ml/shipstation_ingest/poll_window.hpp"

using namespace ml::shipstation_ingest;
using namespace std::chrono_literals;

namespace {

ml::shipstation::TimePoint at(const char* text) { return *ml::core::parse_rfc3339(text); }

}  // namespace

TEST_CASE("without a watermark the window is a backfill from the sync-from date to now minus settle") {
  const auto w = plan_window(std::nullopt, at("2026-06-01T00:00:00Z"), at("2026-06-10T12:00:00Z"), {});
  REQUIRE(w);
  CHECK(w->backfill);
  CHECK(w->window.start == at("2026-06-01T00:00:00Z"));
  CHECK(w->window.end == at("2026-06-10T11:59:00Z"));
}

TEST_CASE("with a watermark the window starts the overlap before it") {
  const auto w = plan_window(at("2026-06-10T11:00:00Z"), at("2026-06-01T00:00:00Z"), at("2026-06-10T12:00:00Z"),
                             {.overlap = 10min, .settle = 60s});
  REQUIRE(w);
  CHECK_FALSE(w->backfill);
  CHECK(w->window.start == at("2026-06-10T10:50:00Z"));
  CHECK(w->window.end == at("2026-06-10T11:59:00Z"));
}

TEST_CASE("near a daylight-saving change the overlap grows to an hour more") {
  const auto w = plan_window(at("2026-11-01T09:30:00Z"), at("2026-06-01T00:00:00Z"), at("2026-11-01T10:00:00Z"),
                             {.overlap = 10min, .settle = 60s});
  REQUIRE(w);
  CHECK(w->window.start == at("2026-11-01T08:20:00Z"));
}

TEST_CASE("a sync-from date in the future gives no window") {
  CHECK_FALSE(plan_window(std::nullopt, at("2026-07-01T00:00:00Z"), at("2026-06-10T12:00:00Z"), {}));
}

TEST_CASE("consecutive polls overlap, so nothing between them is missed") {
  const PollTiming timing{.overlap = 5min, .settle = 30s};
  const auto first = plan_window(std::nullopt, at("2026-06-01T00:00:00Z"), at("2026-06-10T12:00:00Z"), timing);
  REQUIRE(first);
  const auto second = plan_window(first->window.end, at("2026-06-01T00:00:00Z"), at("2026-06-10T12:05:00Z"), timing);
  REQUIRE(second);
  CHECK(second->window.start == first->window.end - 5min);
  CHECK(second->window.end == at("2026-06-10T12:04:30Z"));
}

TEST_CASE("a backfill ends on a whole second too") {
  const auto w = plan_window(std::nullopt, at("2026-06-01T00:00:00Z"), at("2026-06-10T12:00:00.400Z"), {.settle = 1s});
  REQUIRE(w);
  CHECK(w->window.end == at("2026-06-10T11:59:59Z"));
}
