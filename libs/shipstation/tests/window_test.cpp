#include <catch2/catch.hpp>

#include "ml/shipstation/client.hpp"
#include "test_time.hpp"

using namespace ml::shipstation;

TEST_CASE("the next window overlaps the last one by ten minutes and ends a minute before now") {
  const auto window = next_window(utc("2026-06-10T12:00:00Z"), utc("2026-06-10T12:20:00Z"));
  CHECK(window.start == utc("2026-06-10T11:50:00Z"));
  CHECK(window.end == utc("2026-06-10T12:19:00Z"));
}

TEST_CASE("a window near a daylight-saving change reaches back more than an hour") {
  const auto spring = next_window(utc("2026-03-08T10:20:00Z"), utc("2026-03-08T10:40:00Z"));
  CHECK(spring.start == utc("2026-03-08T09:10:00Z"));
  const auto fall = next_window(utc("2026-11-01T09:20:00Z"), utc("2026-11-01T09:41:00Z"));
  CHECK(fall.start == utc("2026-11-01T08:10:00Z"));
}

TEST_CASE("the configured overlap and settle time are used") {
  const auto window = next_window(utc("2026-06-10T12:00:00Z"), utc("2026-06-11T12:00:00Z"), std::chrono::hours(24),
                                  std::chrono::seconds(0));
  CHECK(window.start == utc("2026-06-09T12:00:00Z"));
  CHECK(window.end == utc("2026-06-11T12:00:00Z"));
}

TEST_CASE("a window ends on a whole second, the precision of ShipStation's date filters") {
  const auto window = next_window(utc("2026-06-10T12:00:00Z"), utc("2026-06-10T12:20:00.750Z"), std::chrono::minutes(10),
                                  std::chrono::seconds(1));
  CHECK(window.end == utc("2026-06-10T12:19:59Z"));
}
