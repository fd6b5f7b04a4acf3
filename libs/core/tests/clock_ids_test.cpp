#include <catch2/catch.hpp>

#include <set>

#include "ml/core/clock.hpp"
#include "ml/core/ids.hpp"

using namespace ml::core;

TEST_CASE("a manual clock moves only when told") {
  ManualClock clock(TimePoint(std::chrono::seconds(0)));
  CHECK(format_rfc3339(clock.now()) == "1970-01-01T00:00:00.000Z");
  clock.advance(std::chrono::milliseconds(1500));
  CHECK(format_rfc3339(clock.now()) == "1970-01-01T00:00:01.500Z");
}

TEST_CASE("RFC 3339 times parse with Z or an offset") {
  auto z = parse_rfc3339("2026-03-08T10:00:00.250Z");
  REQUIRE(z);
  CHECK(format_rfc3339(*z) == "2026-03-08T10:00:00.250Z");
  auto offset = parse_rfc3339("2026-03-08T02:00:00-08:00");
  REQUIRE(offset);
  CHECK(format_rfc3339(*offset) == "2026-03-08T10:00:00.000Z");
  auto seven = parse_rfc3339("2026-03-08T09:59:59.1234567Z");
  REQUIRE(seven);
  CHECK(seven->time_since_epoch() % std::chrono::seconds(1) == std::chrono::nanoseconds(123456700));
  CHECK_FALSE(parse_rfc3339("2026-03-08 10:00").has_value());
  CHECK_FALSE(parse_rfc3339("2026-03-08T10:00:00").has_value());
  CHECK_FALSE(parse_rfc3339("2026-03-08T10:00:00Zjunk").has_value());
}

TEST_CASE("UUIDs are version 4, canonical and distinct") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = new_uuid();
    REQUIRE(is_uuid(id));
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
  CHECK_FALSE(is_uuid("not-a-uuid"));
}
