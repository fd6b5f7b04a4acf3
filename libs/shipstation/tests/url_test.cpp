#include <catch2/catch.hpp>

#include "ml/shipstation/url.hpp"

using namespace ml::shipstation;

namespace {
const Url kBase = *parse_url("https://ssapi.shipstation.com");
const Url kSimulator = *parse_url("http://127.0.0.1:18080");
}  // namespace

TEST_CASE("URLs split into scheme, host, port and target") {
  const auto url = parse_url("HTTPS://SSAPI6.shipstation.com/shipments?batchId=1");
  REQUIRE(url);
  CHECK(url->scheme == "https");
  CHECK(url->host == "ssapi6.shipstation.com");
  CHECK(url->port == 443);
  CHECK(url->target == "/shipments?batchId=1");
  CHECK(parse_url("http://127.0.0.1:8080")->target == "/");
  CHECK(parse_url("http://127.0.0.1:8080")->port == 8080);
  CHECK_FALSE(parse_url("ftp://x/"));
  CHECK_FALSE(parse_url("http://x:99999/"));
}

TEST_CASE("resource urls on ShipStation's numbered api hosts are allowed") {
  CHECK(allowed_resource_url("https://ssapi.shipstation.com/shipments?batchId=144015674", kBase));
  CHECK(allowed_resource_url("https://ssapi6.shipstation.com/shipments?batchId=190671332", kBase));
  CHECK(allowed_resource_url("https://ssapi11.shipstation.com/orders?importBatch=x", kBase));
  CHECK(allowed_resource_url("https://SSAPI7.ShipStation.com/orders", kBase));
}

TEST_CASE("resource urls anywhere else are refused with the reason") {
  const auto refused = [](const char* url) {
    const auto result = allowed_resource_url(url, kBase);
    REQUIRE_FALSE(result);
    CHECK(result.error().find("refused resource_url") != std::string::npos);
    return result.error();
  };
  CHECK(refused("http://ssapi.shipstation.com/orders").find("https") != std::string::npos);
  CHECK(refused("https://ssapiX.shipstation.com/orders").find("host") != std::string::npos);  // the host of the docs samples
  refused("https://evil.example.com/orders");
  refused("https://ssapi.shipstation.com.evil.example/orders");
  refused("https://xssapi.shipstation.com/orders");
  refused("https://169.254.169.254/latest/meta-data");
  CHECK(refused("https://ssapi.shipstation.com:8443/orders").find("port") != std::string::npos);
  CHECK(refused("https://user:pw@ssapi.shipstation.com/orders").find("credentials") != std::string::npos);
}

TEST_CASE("the configured base URL is allowed, including plain http for the simulator") {
  CHECK(allowed_resource_url("http://127.0.0.1:18080/orders?importBatch=abc", kSimulator));
  CHECK_FALSE(allowed_resource_url("http://127.0.0.1:18081/orders", kSimulator));
  CHECK_FALSE(allowed_resource_url("http://localhost:18080/orders", kSimulator));
}

TEST_CASE("query values are percent-encoded") {
  CHECK(url_encode("2026-03-08 02:30:00") == "2026-03-08%2002%3A30%3A00");
}
