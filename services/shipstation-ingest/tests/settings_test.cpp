// The ingest's configuration: defaults, required keys, values it cannot use.
#include <catch2/catch.hpp>

#include <map>

#include "ml/shipstation_ingest/settings.hpp"

using namespace ml::shipstation_ingest;

namespace {

ml::core::ConfigReader reader(std::map<std::string, std::string> values) {
  return ml::core::ConfigReader([values](const std::string& key) -> std::optional<std::string> {
    if (auto it = values.find(key); it != values.end()) return it->second;
    return std::nullopt;
  });
}

std::map<std::string, std::string> minimal() {
  return {{"ML_SHIPSTATION_API_KEY", "key"},
          {"ML_SHIPSTATION_API_SECRET", "secret"},
          {"ML_SHIPSTATION_INGEST_WEBHOOK_TOKEN", "0123456789abcdef0123"},
          {"ML_SHIPSTATION_INGEST_SYNC_FROM", "2026-03-01"}};
}

}  // namespace

TEST_CASE("the minimal configuration gives the documented defaults") {
  auto config = reader(minimal());
  const auto s = read_ingest_settings(config);
  config.finish();
  CHECK(s.problems.empty());
  CHECK(s.client.base_url == "https://ssapi.shipstation.com");
  CHECK(s.webhook_body_limit == 65536);
  CHECK(s.poll_interval == std::chrono::minutes(5));
  CHECK(s.timing.overlap == std::chrono::minutes(10));
  CHECK(s.timing.settle == std::chrono::seconds(60));
  CHECK(s.sync_from == *ml::core::parse_rfc3339("2026-03-01T00:00:00Z"));
  CHECK(s.fetch_lease == std::chrono::minutes(10));
}

TEST_CASE("the fetch lease, how long a dead worker's claimed notification waits, is configurable") {
  auto values = minimal();
  values["ML_SHIPSTATION_INGEST_FETCH_LEASE"] = "30s";
  auto config = reader(values);
  CHECK(read_ingest_settings(config).fetch_lease == std::chrono::seconds(30));
}

TEST_CASE("every missing required key is reported at once") {
  auto config = reader({});
  read_ingest_settings(config);
  try {
    config.finish();
    FAIL("finish() accepted a configuration without required keys");
  } catch (const ml::core::ConfigError& e) {
    CHECK(e.problems().size() == 4);
  }
}

TEST_CASE("secrets never appear in the printable configuration") {
  auto config = reader(minimal());
  read_ingest_settings(config);
  for (const auto& line : config.describe()) {
    CHECK(line.find("0123456789abcdef0123") == std::string::npos);
    CHECK(line.find("=secret") == std::string::npos);
  }
}

TEST_CASE("an unusable sync-from date and a short token are problems") {
  auto values = minimal();
  values["ML_SHIPSTATION_INGEST_SYNC_FROM"] = "March";
  values["ML_SHIPSTATION_INGEST_WEBHOOK_TOKEN"] = "short";
  auto config = reader(values);
  const auto s = read_ingest_settings(config);
  CHECK(s.problems.size() == 2);
}

TEST_CASE("sync-from accepts an RFC 3339 instant") {
  CHECK(parse_sync_from("2026-03-01T08:00:00Z") == ml::core::parse_rfc3339("2026-03-01T08:00:00Z"));
}
