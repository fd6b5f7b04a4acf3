#include <catch2/catch.hpp>

#include <map>

#include "ml/core/config.hpp"

using namespace ml::core;

namespace {
Environment env_of(std::map<std::string, std::string> values) {
  return [values](const std::string& key) -> std::optional<std::string> {
    auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}
}  // namespace

TEST_CASE("typed values are read and defaults fill the gaps") {
  ConfigReader r(env_of({{"PORT", "9090"}, {"VERBOSE", "yes"}, {"TIMEOUT", "250ms"}}));
  CHECK(r.integer("PORT", 8080, 1, 65535) == 9090);
  CHECK(r.flag("VERBOSE", false));
  CHECK(r.duration("TIMEOUT", std::chrono::seconds(1)) == std::chrono::milliseconds(250));
  CHECK(r.text("NAME", "ml") == "ml");
  CHECK(r.duration("POLL", std::chrono::minutes(2)) == std::chrono::minutes(2));
  CHECK_NOTHROW(r.finish());
}

TEST_CASE("every missing or invalid key is named in one error") {
  ConfigReader r(env_of({{"PORT", "eighty"}, {"DB_URL", "mysql://x"}, {"RETRIES", "99"}}));
  r.text("ML_PG_URL", std::nullopt);
  r.text("ML_AMQP_URL", std::nullopt, Sensitivity::secret);
  r.integer("PORT", 8080, 1, 65535);
  r.url("DB_URL", std::nullopt, {"postgresql", "postgres"});
  r.integer("RETRIES", 3, 0, 10);
  try {
    r.finish();
    FAIL("finish() should have thrown");
  } catch (const ConfigError& e) {
    REQUIRE(e.problems().size() == 5);
    std::string text = e.what();
    CHECK(text.find("5 problems") != std::string::npos);
    CHECK(text.find("ML_PG_URL: required but not set") != std::string::npos);
    CHECK(text.find("ML_AMQP_URL: required but not set") != std::string::npos);
    CHECK(text.find("PORT: 'eighty' is not a whole number") != std::string::npos);
    CHECK(text.find("DB_URL: 'mysql://x' must start with postgresql://, postgres://") != std::string::npos);
    CHECK(text.find("RETRIES: 99 is outside 0..10") != std::string::npos);
  }
}

TEST_CASE("an empty variable counts as not set") {
  ConfigReader r(env_of({{"ML_PG_URL", ""}}));
  r.text("ML_PG_URL", std::nullopt);
  CHECK_THROWS_AS(r.finish(), ConfigError);
}

TEST_CASE("secrets and URL passwords are redacted when printed") {
  ConfigReader r(env_of({{"ML_AMQP_URL", "amqp://ml:hunter2@rabbit:5672/%2F"}, {"ML_TOKEN", "s3cret"}}));
  r.url("ML_AMQP_URL", std::nullopt, {"amqp", "amqps"});
  r.text("ML_TOKEN", std::nullopt, Sensitivity::secret);
  auto lines = r.describe();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "ML_AMQP_URL=amqp://ml:***@rabbit:5672/%2F");
  CHECK(lines[1] == "ML_TOKEN=***");
}

TEST_CASE("a malformed URL is redacted inside the error too") {
  ConfigReader r(env_of({{"ML_PG_URL", "http://ml:pw@db/ml"}}));
  r.url("ML_PG_URL", std::nullopt, {"postgresql"});
  try {
    r.finish();
    FAIL("finish() should have thrown");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).find("pw") == std::string::npos);
  }
}

TEST_CASE("flags and durations reject unknown spellings") {
  ConfigReader r(env_of({{"FLAG", "maybe"}, {"WAIT", "10 minutes"}}));
  r.flag("FLAG", false);
  r.duration("WAIT", std::chrono::seconds(1));
  try {
    r.finish();
    FAIL("finish() should have thrown");
  } catch (const ConfigError& e) {
    CHECK(e.problems().size() == 2);
  }
}

TEST_CASE("a duration too long to count in milliseconds is reported, not wrapped around") {
  ConfigReader r(env_of({{"WAIT", "7766279631452241920h"}}));
  CHECK(r.duration("WAIT", std::chrono::seconds(1)) == std::chrono::seconds(1));
  try {
    r.finish();
    FAIL("finish() should have thrown");
  } catch (const ConfigError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK_THAT(e.problems()[0], Catch::Contains("WAIT") && Catch::Contains("too long"));
  }
}

TEST_CASE("a choice accepts only the listed spellings") {
  ConfigReader r(env_of({{"LEVEL", "loud"}}));
  CHECK(r.choice("MODE", "invoice", {"invoice", "journal_entry"}) == "invoice");
  r.choice("LEVEL", "info", {"debug", "info", "warn", "error"});
  try {
    r.finish();
    FAIL("finish() should have thrown");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).find("LEVEL: 'loud' is not one of debug, info, warn, error") != std::string::npos);
  }
}
