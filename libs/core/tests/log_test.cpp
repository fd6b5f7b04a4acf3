#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <sstream>

#include "ml/core/log.hpp"

using namespace ml::core;

TEST_CASE("a log line is one JSON object with ts, level, service, msg and fields") {
  std::ostringstream out;
  auto clock = std::make_shared<ManualClock>(TimePoint(std::chrono::seconds(1'764'169'445)));
  Logger log("reconciler", &out, clock);
  log.info("order parked", {{"order_number", "100-1\"x"}, {"lines", 3}, {"valid", false}});
  auto line = out.str();
  REQUIRE(line.back() == '\n');
  REQUIRE(line.find('\n') == line.size() - 1);
  rapidjson::Document doc;
  doc.Parse(line.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["ts"].GetString()) == "2025-11-26T15:04:05.000Z");
  CHECK(std::string(doc["level"].GetString()) == "info");
  CHECK(std::string(doc["service"].GetString()) == "reconciler");
  CHECK(std::string(doc["msg"].GetString()) == "order parked");
  CHECK(std::string(doc["order_number"].GetString()) == "100-1\"x");
  CHECK(doc["lines"].GetInt64() == 3);
  CHECK(doc["valid"].GetBool() == false);
}

TEST_CASE("lines below the level are dropped") {
  std::ostringstream out;
  Logger log("svc", &out);
  log.debug("noise");
  CHECK(out.str().empty());
  log.set_level(LogLevel::debug);
  log.debug("detail");
  CHECK_FALSE(out.str().empty());
}

TEST_CASE("log levels parse from their names") {
  CHECK(parse_log_level("warn") == LogLevel::warn);
  CHECK_FALSE(parse_log_level("loud").has_value());
}
