// POST /webhooks/shipstation/{token}: stored and answered, or refused and recorded.
#include <catch2/catch.hpp>

#include "broker_fixture.hpp"
#include "ingest_fixture.hpp"

using namespace ingest_test;
using ml::bus::testing::eventually;

namespace {

std::string orders_url(Harness& h, const std::string& batch = "abc") {
  return h.sim_url() + "/orders?importBatch=" + batch;
}

std::int64_t rejections(Harness& h, int status) {
  return h.count("SELECT count(*) FROM " + h.schema() + ".rejected_webhooks WHERE status = " + std::to_string(status));
}

}  // namespace

TEST_CASE("a webhook is stored with its audit record and answered 200") {
  Harness h;
  const auto answer = h.notify(orders_url(h));
  CHECK(answer.status == 200);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications WHERE state = 'pending'") == 1);
  CHECK(h.count("SELECT count(*) FROM audit.events WHERE kind = 'webhook.received' AND detail->>'resource_url' = '" +
                orders_url(h) + "'") == 1);
}

TEST_CASE("a repeated resource_url is answered 200 and ignored") {
  Harness h;
  REQUIRE(h.notify(orders_url(h)).status == 200);
  const auto again = h.notify(orders_url(h));
  CHECK(again.status == 200);
  CHECK(again.body == "already received\n");
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications") == 1);
}

TEST_CASE("a wrong token is answered 404 and recorded without the token") {
  Harness h;
  const auto answer = post(h.ingest_port(), h.webhook_target("test-token-0123456789abcdeX"),
                           R"({"resource_url":")" + orders_url(h) + R"("})");
  CHECK(answer.status == 404);
  CHECK(rejections(h, 404) == 1);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".rejected_webhooks WHERE reason LIKE '%test-token%'") == 0);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications") == 0);
}

TEST_CASE("a body over the webhook limit is answered 413 and recorded") {
  Harness h;
  const auto answer = post(h.ingest_port(), h.webhook_target(),
                           R"({"resource_url":")" + orders_url(h) + R"(","pad":")" + std::string(5000, 'x') + R"("})");
  CHECK(answer.status == 413);
  CHECK(rejections(h, 413) == 1);
  CHECK(h.count("SELECT count(*) FROM " + h.schema() + ".notifications") == 0);
}

TEST_CASE("malformed JSON is answered 400 with the reason and recorded") {
  Harness h;
  const auto answer = post(h.ingest_port(), h.webhook_target(), R"({"resource_url": )");
  CHECK(answer.status == 400);
  CHECK(answer.body.starts_with("webhook body: "));
  CHECK(rejections(h, 400) == 1);
  CHECK(h.count("SELECT count(*) FROM audit.events WHERE kind = 'webhook.rejected' AND detail->>'status' = '400' "
                "AND detail->>'reason' LIKE 'webhook body:%'") >= 1);
}

TEST_CASE("a body without resource_url is answered 400 naming the field") {
  Harness h;
  const auto answer = post(h.ingest_port(), h.webhook_target(), R"({"resource_type":"ORDER_NOTIFY"})");
  CHECK(answer.status == 400);
  CHECK(answer.body.find("resource_url") != std::string::npos);
  CHECK(rejections(h, 400) == 1);
}

TEST_CASE("a resource_url whose host is not allowed is answered 400 and never fetched") {
  Harness h;
  const auto answer = h.notify("https://evil.example.com/orders?importBatch=x");
  CHECK(answer.status == 400);
  CHECK(answer.body.find("evil.example.com") != std::string::npos);
  CHECK(rejections(h, 400) == 1);
  h.drain_worker();
  CHECK(h.sim().counters().requests.empty());
}

TEST_CASE("a webhook the simulator fires for a new import is stored") {
  Harness h;
  const auto subscribe = post(h.sim().port(), "/webhooks/subscribe",
                              R"({"target_url":"http://127.0.0.1:)" + std::to_string(h.ingest_port()) +
                                  h.webhook_target() + R"(","event":"ORDER_NOTIFY"})",
                              "Basic U2hpcFN0YXRpb246Um9ja3M=");
  REQUIRE(subscribe.status == 200);
  const auto id = h.scenario().create_order(simple_order(h.first_store()));
  CHECK(eventually([&] {
    return h.count("SELECT count(*) FROM " + h.schema() +
                   ".notifications WHERE resource_url LIKE '%importBatch=" + h.import_batch_of(id) + "%'") == 1;
  }));
  CHECK(h.sim().counters().webhooks_delivered == 1);
}
