#include <catch2/catch.hpp>

#include "ml/shipstation/pacific_time.hpp"
#include "test_time.hpp"

using namespace ml::shipstation;
using namespace std::chrono_literals;

namespace {
TimePoint pacific(const char* text) {
  const auto parsed = parse_pacific(text);
  if (!parsed) FAIL(parsed.error());
  return parsed->utc;
}
}  // namespace

TEST_CASE("a summer Pacific time is PDT, seven hours behind UTC") {
  CHECK(pacific("2015-06-06T00:29:35.0000000") == utc("2015-06-06T07:29:35Z"));
}

TEST_CASE("a winter Pacific time is PST, eight hours behind UTC") {
  CHECK(pacific("2017-03-01T13:57:49.033") == utc("2017-03-01T21:57:49.033Z"));
}

TEST_CASE("seven fraction digits are kept to the tenth of a microsecond") {
  CHECK(pacific("2015-08-17T09:24:16.4800001") == utc("2015-08-17T16:24:16.48Z") + 100ns);
}

TEST_CASE("the raw text is kept beside the converted instant") {
  const auto parsed = parse_pacific("2015-08-17T09:24:14.78");
  REQUIRE(parsed);
  CHECK(parsed->raw == "2015-08-17T09:24:14.78");
  CHECK(parsed->utc == utc("2015-08-17T16:24:14.78Z"));
}

TEST_CASE("a date-only value is Pacific midnight") {
  CHECK(pacific("2015-06-13") == utc("2015-06-13T07:00:00Z"));
}

TEST_CASE("the query form with a space parses too") {
  CHECK(pacific("2016-11-29 23:59:59") == utc("2016-11-30T07:59:59Z"));
}

TEST_CASE("a time in the spring-forward gap is shifted forward past the gap") {
  CHECK(pacific("2026-03-08T01:59:59") == utc("2026-03-08T09:59:59Z"));
  CHECK(pacific("2026-03-08T02:30:00") == utc("2026-03-08T10:30:00Z"));  // read as 03:30 PDT
  CHECK(pacific("2026-03-08T03:00:00") == utc("2026-03-08T10:00:00Z"));
}

TEST_CASE("a time in the fall-back hour is the earlier instant, still PDT") {
  CHECK(pacific("2026-11-01T00:59:59") == utc("2026-11-01T07:59:59Z"));
  CHECK(pacific("2026-11-01T01:30:00") == utc("2026-11-01T08:30:00Z"));
  CHECK(pacific("2026-11-01T02:00:00") == utc("2026-11-01T10:00:00Z"));
}

TEST_CASE("a trailing Z from documentation examples means UTC") {
  CHECK(pacific("2016-01-12T16:03:06Z") == utc("2016-01-12T16:03:06Z"));
}

TEST_CASE("malformed times are refused with the text and the reason") {
  for (const char* bad : {"", "2015-13-01", "2015-06-31", "2015-06-13T25:00:00", "2015-06-13T10:00",
                          "2015-06-13T10:00:00.", "2015-06-13T10:00:00.12345678", "2015-06-13T10:00:00+02:00",
                          "13/06/2015"}) {
    const auto parsed = parse_pacific(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find(std::string("\"") + bad + "\"") != std::string::npos);
  }
}

TEST_CASE("a time in a year a nanosecond clock cannot hold is refused, not wrapped around") {
  for (const char* far : {"4040-06-19T07:21:51.7730000", "1600-01-01T00:00:00", "9999-12-31"}) {
    const auto parsed = parse_pacific(far);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find("outside 1678..2261") != std::string::npos);
  }
  CHECK(parse_pacific("2261-12-30T23:59:59.9999999"));
}

TEST_CASE("a ship date keeps its day whatever time follows it") {
  const auto plain = parse_local_date("2015-07-02");
  REQUIRE(plain);
  CHECK(plain->day == std::chrono::year_month_day{std::chrono::year{2015}, std::chrono::July, std::chrono::day{2}});
  const auto with_time = parse_local_date("2020-06-24T10:32:33.6870000");
  REQUIRE(with_time);
  CHECK(with_time->day == std::chrono::year_month_day{std::chrono::year{2020}, std::chrono::June, std::chrono::day{24}});
  CHECK(with_time->raw == "2020-06-24T10:32:33.6870000");
  CHECK_FALSE(parse_local_date("2015-02-30"));
}

TEST_CASE("query bounds are written as Pacific wall-clock time") {
  CHECK(to_pacific_query(utc("2015-06-06T07:29:35.9Z")) == "2015-06-06 00:29:35");
  CHECK(to_pacific_query(utc("2026-01-15T20:00:00Z")) == "2026-01-15 12:00:00");
  CHECK(to_pacific_query(utc("2026-11-01T08:30:00Z")) == "2026-11-01 01:30:00");  // first pass, PDT
  CHECK(to_pacific_query(utc("2026-11-01T09:30:00Z")) == "2026-11-01 01:30:00");  // second pass, PST
}

TEST_CASE("daylight-saving changes are found inside a range") {
  CHECK(dst_change_between(utc("2026-03-08T09:00:00Z"), utc("2026-03-08T11:00:00Z")));
  CHECK(dst_change_between(utc("2026-11-01T08:00:00Z"), utc("2026-11-01T10:00:00Z")));
  CHECK_FALSE(dst_change_between(utc("2026-06-01T00:00:00Z"), utc("2026-06-30T00:00:00Z")));
}
