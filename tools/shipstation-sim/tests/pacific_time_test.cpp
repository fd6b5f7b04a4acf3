#include <catch2/catch.hpp>

#include <regex>

#include "http_client.hpp"
#include "ml/shipstation_sim/pacific_time.hpp"

using namespace sim_test;
using namespace ml::shipstation_sim;
using namespace std::chrono_literals;

TEST_CASE("timestamps are Pacific wall-clock time with seven fractional digits and no offset") {
  CHECK(pacific_timestamp(utc("2026-01-15T20:30:00.123Z")) == "2026-01-15T12:30:00.1230000");
  CHECK(pacific_timestamp(utc("2026-07-15T20:30:00Z")) == "2026-07-15T13:30:00.0000000");
}

TEST_CASE("the spring-forward change skips from 01:59:59 to 03:00 Pacific") {
  CHECK(pacific_timestamp(utc("2026-03-08T09:59:59Z") + 123456700ns) == "2026-03-08T01:59:59.1234567");
  CHECK(pacific_timestamp(utc("2026-03-08T10:00:00Z")) == "2026-03-08T03:00:00.0000000");
}

TEST_CASE("item dates drop trailing fractional zeros and shipDate is a date") {
  CHECK(pacific_timestamp_trimmed(utc("2026-01-15T20:30:00.820Z")) == "2026-01-15T12:30:00.82");
  CHECK(pacific_timestamp_trimmed(utc("2026-01-15T20:30:00Z")) == "2026-01-15T12:30:00");
  CHECK(pacific_date(utc("2026-03-09T06:59:00Z")) == "2026-03-08");
}

TEST_CASE("query dates are read as Pacific time in the documented and common forms") {
  CHECK(parse_query_time("2026-01-15 12:30:00") == utc("2026-01-15T20:30:00Z"));
  CHECK(parse_query_time("2026-07-15T13:30:00.5") == utc("2026-07-15T20:30:00.5Z"));
  CHECK(parse_query_time("2026-07-15") == utc("2026-07-15T07:00:00Z"));
  CHECK(parse_query_time("2026-07-15T12:00:00Z") == utc("2026-07-15T12:00:00Z"));
  CHECK(parse_query_time("2015-06-09T12:00:00-00:00") == utc("2015-06-09T12:00:00Z"));
  CHECK_FALSE(parse_query_time("15/07/2026").has_value());
  CHECK_FALSE(parse_query_time("2026-02-30").has_value());
}

TEST_CASE("an ambiguous fall-back time means the earlier instant, a skipped one the jump") {
  CHECK(parse_query_time("2026-11-01 01:30:00") == utc("2026-11-01T08:30:00Z"));
  CHECK(parse_query_time("2026-03-08 02:30:00") == utc("2026-03-08T10:00:00Z"));
}

TEST_CASE("orders and shipments served across the DST change carry Pacific timestamps") {
  RunningSim sim({}, "2026-03-08T09:59:59Z");
  sim.clock().advance(123ms);
  const auto id = sim.scenario().create_order(simple_order(sim.store()));
  sim.clock().advance(std::chrono::seconds(1));
  sim.scenario().create_labels({id});
  const auto order = sim.get("/orders/" + std::to_string(id)).json();
  CHECK(std::string(order["createDate"].GetString()) == "2026-03-08T01:59:59.1230000");
  CHECK(std::string(order["modifyDate"].GetString()) == "2026-03-08T03:00:00.1230000");
  CHECK(std::string(order["shipDate"].GetString()) == "2026-03-08");
  const auto shipments = sim.get("/shipments").json();
  const std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7})");
  CHECK(std::regex_match(shipments["shipments"][0]["createDate"].GetString(), timestamp));
  CHECK(std::string(shipments["shipments"][0]["shipDate"].GetString()) == "2026-03-08");
}
