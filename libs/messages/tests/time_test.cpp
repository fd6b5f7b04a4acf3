#include <catch2/catch.hpp>

#include "ml/messages/time.hpp"

using namespace ml::messages;
using namespace std::chrono;

TEST_CASE("a UTC time is written with milliseconds when they are exact") {
  CHECK(format_utc(sys_days{2026y / November / 26} + 15h + 4min + 5s + 123ms) == "2026-11-26T15:04:05.123Z");
  CHECK(format_utc(sys_days{2026y / November / 26}) == "2026-11-26T00:00:00.000Z");
}

TEST_CASE("ShipStation's seven fractional digits survive a UTC time") {
  const auto time = parse_utc("2015-08-17T16:24:16.4800001Z");
  REQUIRE(time.has_value());
  CHECK(format_utc(*time) == "2015-08-17T16:24:16.480000100Z");
}

TEST_CASE("a UTC time needs the Z and a real calendar day") {
  CHECK_FALSE(parse_utc("2026-11-26T15:04:05+00:00").has_value());
  CHECK_FALSE(parse_utc("2026-11-26 15:04:05Z").has_value());
  CHECK_FALSE(parse_utc("2026-02-29T15:04:05Z").has_value());
  CHECK_FALSE(parse_utc("2026-11-26T24:00:00Z").has_value());
  CHECK(parse_utc("2028-02-29T23:59:59Z").has_value());
}

TEST_CASE("a UTC time in a year a nanosecond clock cannot hold is refused, not wrapped around") {
  CHECK_FALSE(parse_utc("4052-11-26T15:04:05Z").has_value());
  CHECK_FALSE(parse_utc("1677-01-01T00:00:00Z").has_value());
  CHECK(parse_utc("2261-12-31T23:59:59.999999999Z").has_value());
  CHECK(parse_utc("1678-01-01T00:00:00Z").has_value());
}

TEST_CASE("a date is YYYY-MM-DD and must exist") {
  CHECK(format_date(2016y / February / 6) == "2016-02-06");
  CHECK(parse_date("2016-02-06") == 2016y / February / 6);
  CHECK_FALSE(parse_date("2016-02-30").has_value());
  CHECK_FALSE(parse_date("2016-2-6").has_value());
}
