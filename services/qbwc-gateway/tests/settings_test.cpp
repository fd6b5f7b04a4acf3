#include <catch2/catch.hpp>

#include <map>

#include "ml/qbwc_gateway/settings.hpp"

using namespace ml;
using namespace ml::qbwc_gateway;

namespace {

core::Environment environment(std::map<std::string, std::string> values) {
  return [values](const std::string& key) -> std::optional<std::string> {
    const auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

std::map<std::string, std::string> complete() {
  return {{"ML_QBWC_USER", "qb"},
          {"ML_QBWC_PASSWORD_HASH", hash_password("pw", 1000).to_string()},
          {"ML_QBWC_PUBLIC_URL", "https://qb.example.com/qbwc"},
          {"ML_QBWC_OWNER_ID", "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}"},
          {"ML_QBWC_FILE_ID", "{C2A8D7E5-2D47-4C5B-9D2E-6A9A1F0E7B31}"}};
}

}  // namespace

TEST_CASE("complete settings give a gateway that knows its user and .qwc") {
  core::ConfigReader config(environment(complete()));
  const auto settings = read_gateway_settings(config);
  CHECK_NOTHROW(config.finish());
  CHECK(settings.problems.empty());
  CHECK(settings.gateway.user == "qb");
  CHECK(verify_password("pw", settings.gateway.password));
  CHECK(settings.gateway.qwc.app_support == "https://qb.example.com/qbwc");
  CHECK(settings.gateway.work_wait == std::chrono::seconds(2));
}

TEST_CASE("a malformed password hash is reported by its key") {
  auto values = complete();
  values["ML_QBWC_PASSWORD_HASH"] = "plain-text-password";
  core::ConfigReader config(environment(values));
  const auto settings = read_gateway_settings(config);
  REQUIRE(settings.problems.size() == 1);
  CHECK(settings.problems[0].starts_with("ML_QBWC_PASSWORD_HASH: "));
  CHECK(settings.problems[0].find("plain-text-password") == std::string::npos);
}

TEST_CASE("an http AppURL on a public host is refused as the Web Connector would") {
  auto values = complete();
  values["ML_QBWC_PUBLIC_URL"] = "http://qb.example.com/qbwc";
  core::ConfigReader config(environment(values));
  const auto settings = read_gateway_settings(config);
  REQUIRE(settings.problems.size() == 1);
  CHECK(settings.problems[0].find("AppURL") != std::string::npos);
}

TEST_CASE("a TLS certificate and key together make the gateway serve HTTPS") {
  auto values = complete();
  values["ML_QBWC_TLS_CERT"] = "/etc/ml/qbwc-chain.pem";
  values["ML_QBWC_TLS_KEY"] = "/etc/ml/qbwc-key.pem";
  core::ConfigReader config(environment(values));
  const auto settings = read_gateway_settings(config);
  CHECK(settings.problems.empty());
  REQUIRE(settings.tls);
  CHECK(settings.tls->certificate_chain == "/etc/ml/qbwc-chain.pem");
  CHECK(settings.tls->private_key == "/etc/ml/qbwc-key.pem");
}

TEST_CASE("a TLS certificate without its key is reported") {
  auto values = complete();
  values["ML_QBWC_TLS_CERT"] = "/etc/ml/qbwc-chain.pem";
  core::ConfigReader config(environment(values));
  const auto settings = read_gateway_settings(config);
  REQUIRE(settings.problems.size() == 1);
  CHECK(settings.problems[0].starts_with("ML_QBWC_TLS_CERT and ML_QBWC_TLS_KEY"));
  CHECK_FALSE(settings.tls);
}
