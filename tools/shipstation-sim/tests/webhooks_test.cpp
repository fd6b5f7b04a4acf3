#include <catch2/catch.hpp>

#include <regex>

#include "http_client.hpp"

using namespace sim_test;
namespace http = boost::beast::http;

namespace {

std::int64_t subscribe(RunningSim& sim, const std::string& target, const std::string& event,
                       const std::string& store = "null") {
  const auto reply = request(sim.port(), http::verb::post, "/webhooks/subscribe", kGoodAuth,
                             R"({"target_url":")" + target + R"(","event":")" + event + R"(","store_id":)" + store +
                                 R"(,"friendly_name":"test hook"})");
  REQUIRE(reply.status == 200);
  return reply.json()["id"].GetInt64();
}

struct Notification {
  std::string resource_url;
  std::string resource_type;
};

Notification notification(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  return {doc["resource_url"].GetString(), doc["resource_type"].GetString()};
}

/// "https://ssapi6.shipstation.com/shipments?batchId=1" → "/shipments?batchId=1".
std::string path_and_query(const std::string& url) {
  const auto host_end = url.find('/', url.find("//") + 2);
  return url.substr(host_end);
}

}  // namespace

TEST_CASE("subscriptions are listed and can be deleted") {
  RunningSim sim;
  const auto id = subscribe(sim, "http://example.test/ship", "SHIP_NOTIFY", "12345");
  const auto list = sim.get("/webhooks").json();
  REQUIRE(list["webhooks"].Size() == 1);
  CHECK(list["webhooks"][0]["WebHookID"].GetInt64() == id);
  CHECK(std::string(list["webhooks"][0]["HookType"].GetString()) == "SHIP_NOTIFY");
  CHECK(list["webhooks"][0]["StoreID"].GetInt64() == 12345);
  CHECK(request(sim.port(), http::verb::delete_, "/webhooks/" + std::to_string(id)).status == 200);
  CHECK(sim.get("/webhooks").json()["webhooks"].Size() == 0);
  CHECK(request(sim.port(), http::verb::delete_, "/webhooks/" + std::to_string(id)).status == 404);
}

TEST_CASE("a subscription without target_url or with an unknown event is refused") {
  RunningSim sim;
  CHECK(request(sim.port(), http::verb::post, "/webhooks/subscribe", kGoodAuth, R"({"event":"SHIP_NOTIFY"})").status == 400);
  CHECK(request(sim.port(), http::verb::post, "/webhooks/subscribe", kGoodAuth,
                R"({"target_url":"http://x.test/","event":"ORDER_EDITED"})").status == 400);
}

TEST_CASE("ORDER_NOTIFY fires once per import and never for an edit") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "ORDER_NOTIFY");
  const auto ids = sim.scenario().create_orders({simple_order(sim.store()), simple_order(sim.store())});
  auto bodies = receiver.wait_for(1);
  REQUIRE(bodies.size() == 1);
  sim.scenario().edit_order(ids[0], [](auto& order) { order.internal_notes = "edited"; });
  sim.scenario().cancel_order(ids[1]);
  bodies = receiver.wait_for(2, 300ms);
  REQUIRE(bodies.size() == 1);
  const auto note = notification(bodies[0]);
  CHECK(note.resource_type == "ORDER_NOTIFY");
  CHECK(std::regex_match(note.resource_url, std::regex(R"(https://ssapi\d*\.shipstation\.com/orders\?storeID=\d+&importBatch=[0-9a-f-]{36})")));
  const auto fetched = sim.get(path_and_query(note.resource_url)).json();
  CHECK(fetched["total"].GetInt() == 2);
}

TEST_CASE("an awaiting_payment import notifies only when the order is paid") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "ORDER_NOTIFY");
  auto unpaid = simple_order(sim.store());
  unpaid.order_status = ml::shipstation_sim::kAwaitingPayment;
  const auto id = sim.scenario().create_order(unpaid);
  CHECK(receiver.wait_for(1, 300ms).empty());
  sim.scenario().mark_paid(id);
  CHECK(receiver.wait_for(1).size() == 1);
}

TEST_CASE("SHIP_NOTIFY fires once per label batch and its resource URL works against the simulator") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "SHIP_NOTIFY");
  const auto ids = sim.scenario().create_orders({simple_order(sim.store()), simple_order(sim.store()), simple_order(sim.store())});
  const auto batch = sim.scenario().create_labels(ids);
  const auto bodies = receiver.wait_for(2, 500ms);
  REQUIRE(bodies.size() == 1);
  const auto note = notification(bodies[0]);
  CHECK(note.resource_type == "SHIP_NOTIFY");
  CHECK(note.resource_url.ends_with("/shipments?batchId=" + std::to_string(batch.batch_id) + "&includeShipmentItems=False"));
  const auto fetched = sim.get(path_and_query(note.resource_url)).json();
  CHECK(fetched["total"].GetInt() == 3);
  CHECK(fetched["shipments"][0]["shipmentItems"].IsNull());
  CHECK(sim.server().counters().webhooks_delivered == 1);
}

TEST_CASE("SHIP_NOTIFY resource URLs come from numbered hosts") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "SHIP_NOTIFY");
  for (int i = 0; i < 3; ++i) sim.scenario().create_labels({sim.scenario().create_order(simple_order(sim.store()))});
  std::set<std::string> hosts;
  for (const auto& body : receiver.wait_for(3)) {
    const auto url = notification(body).resource_url;
    hosts.insert(url.substr(0, url.find('/', 8)));
  }
  CHECK(hosts.size() == 3);
  CHECK(hosts.contains("https://ssapi6.shipstation.com"));
}

TEST_CASE("ITEM_SHIP_NOTIFY asks for the shipment items") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "ITEM_SHIP_NOTIFY");
  sim.scenario().create_labels({sim.scenario().create_order(simple_order(sim.store()))});
  const auto bodies = receiver.wait_for(1);
  REQUIRE(bodies.size() == 1);
  const auto url = notification(bodies[0]).resource_url;
  CHECK(url.ends_with("&includeShipmentItems=True"));
  CHECK(sim.get(path_and_query(url)).json()["shipments"][0]["shipmentItems"].IsArray());
}

TEST_CASE("the duplicate knob sends a SHIP_NOTIFY twice") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "SHIP_NOTIFY");
  sim.scenario().duplicate_ship_notify_every(1);
  sim.scenario().create_labels({sim.scenario().create_order(simple_order(sim.store()))});
  const auto bodies = receiver.wait_for(2);
  REQUIRE(bodies.size() == 2);
  CHECK(bodies[0] == bodies[1]);
}

TEST_CASE("voids and marked-as-shipped orders notify nobody") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "SHIP_NOTIFY");
  const auto ids = sim.scenario().create_orders({simple_order(sim.store()), simple_order(sim.store())});
  const auto batch = sim.scenario().create_labels({ids[0]});
  REQUIRE(receiver.wait_for(1).size() == 1);
  sim.scenario().void_label(batch.shipment_ids[0]);
  sim.scenario().mark_shipped(ids[1]);
  CHECK(receiver.wait_for(2, 300ms).size() == 1);
}

TEST_CASE("a store-scoped subscription hears only its store and names it in the URL") {
  RunningSim sim;
  WebhookReceiver receiver;
  subscribe(sim, receiver.url(), "SHIP_NOTIFY", std::to_string(sim.store(1)));
  sim.scenario().create_labels({sim.scenario().create_order(simple_order(sim.store(0)))});
  sim.scenario().create_labels({sim.scenario().create_order(simple_order(sim.store(1)))});
  const auto bodies = receiver.wait_for(2, 500ms);
  REQUIRE(bodies.size() == 1);
  CHECK(notification(bodies[0]).resource_url.find("storeID=" + std::to_string(sim.store(1)) + "&batchId=") != std::string::npos);
}
