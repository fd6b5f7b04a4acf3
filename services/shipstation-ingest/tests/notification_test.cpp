// What a webhook body must hold to be stored.
#include <catch2/catch.hpp>

#include "ml/shipstation_ingest/notification.hpp"

using namespace ml::shipstation_ingest;

namespace {

ml::shipstation::Url base(const char* url = "https://ssapi.shipstation.com") {
  return *ml::shipstation::parse_url(url);
}

}  // namespace

TEST_CASE("an ORDER_NOTIFY body for a numbered ShipStation host is accepted as an orders resource") {
  const auto n = parse_notification(
      R"({"resource_url":"https://ssapi6.shipstation.com/orders?storeID=123456&importBatch=1ab23c4d","resource_type":"ORDER_NOTIFY"})",
      base());
  REQUIRE(n);
  CHECK(n->kind == ResourceKind::orders);
  CHECK(n->resource_type == "ORDER_NOTIFY");
  CHECK(n->resource_url == "https://ssapi6.shipstation.com/orders?storeID=123456&importBatch=1ab23c4d");
}

TEST_CASE("a SHIP_NOTIFY body is a shipments resource") {
  const auto n = parse_notification(
      R"({"resource_url":"https://ssapi.shipstation.com/shipments?batchId=12345678&includeShipmentItems=False","resource_type":"SHIP_NOTIFY"})",
      base());
  REQUIRE(n);
  CHECK(n->kind == ResourceKind::shipments);
}

TEST_CASE("the configured base URL's own origin is allowed (the simulator)") {
  const auto n = parse_notification(R"({"resource_url":"http://127.0.0.1:8123/orders?importBatch=x"})",
                                    base("http://127.0.0.1:8123"));
  REQUIRE(n);
  CHECK_FALSE(n->resource_type);
}

TEST_CASE("malformed JSON is refused as malformed with the parser's reason") {
  const auto n = parse_notification(R"({"resource_url": )", base());
  REQUIRE_FALSE(n);
  CHECK(n.error().kind == NotificationError::Kind::malformed);
  CHECK(n.error().reason.starts_with("webhook body: "));
}

TEST_CASE("a body without resource_url is refused naming the field") {
  const auto n = parse_notification(R"({"resource_type":"ORDER_NOTIFY"})", base());
  REQUIRE_FALSE(n);
  CHECK(n.error().kind == NotificationError::Kind::malformed);
  CHECK(n.error().reason.find("resource_url") != std::string::npos);
}

TEST_CASE("a resource_url on a host outside the allow-list is refused") {
  const auto n = parse_notification(R"({"resource_url":"https://evil.example.com/orders?importBatch=x"})", base());
  REQUIRE_FALSE(n);
  CHECK(n.error().kind == NotificationError::Kind::refused_url);
  CHECK(n.error().reason.find("evil.example.com") != std::string::npos);
}

TEST_CASE("a resource_url listing something other than orders or shipments is refused") {
  const auto n = parse_notification(R"({"resource_url":"https://ssapi.shipstation.com/fulfillments?x=1"})", base());
  REQUIRE_FALSE(n);
  CHECK(n.error().kind == NotificationError::Kind::refused_url);
}
