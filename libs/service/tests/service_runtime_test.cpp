#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "broker_fixture.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/core/ids.hpp"
#include "ml/messages/alert.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/publishing.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/store/migrations.hpp"
#include "ml/testing/environment.hpp"

using namespace ml;
using bus::testing::eventually;

namespace {

std::string unique_schema(const std::string& what) {
  auto id = core::new_uuid();
  return "svc_" + what + "_" + id.substr(0, 8);
}

struct Runtime {
  Runtime()
      : scratch("service-runtime", std::chrono::seconds(1), {"alert.raised"}),
        producer(unique_schema("producer")),
        consumer(unique_schema("consumer")),
        log("service-tests"),
        pool(testing::pg_url(), 4) {
    settings.pg_url = testing::pg_url();
    settings.amqp_url = testing::amqp_url();
    settings.relay_interval = std::chrono::milliseconds(100);
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, producer, {});
    store::prepare_service_schema(*lease, consumer, {});
  }
  ~Runtime() {
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA IF EXISTS " + producer + " CASCADE; DROP SCHEMA IF EXISTS " + consumer + " CASCADE");
    tx.commit();
  }

  bus::testing::ScratchTopology scratch;
  std::string producer, consumer;
  core::Logger log;
  store::ConnectionPool pool;
  service::ServiceSettings settings;
};

service::ConsumerExtras extras(const Runtime& rt) {
  service::ConsumerExtras e;
  e.topology = rt.scratch.topology();
  return e;
}

bus::PublisherOptions publisher_options(const Runtime& rt) {
  bus::PublisherOptions options;
  options.topology = rt.scratch.topology();
  return options;
}

messages::AlertRaised alert(const std::string& text) {
  messages::AlertRaised a;
  a.alert_id = core::new_uuid();
  a.kind = "unknown_item";
  a.service = "service-tests";
  a.order_number = "100-" + text;
  a.message = text;
  return a;
}

}  // namespace

TEST_CASE("a message written to the outbox in a committed transaction reaches the consumer once") {
  Runtime rt;
  std::mutex mutex;
  std::vector<messages::AlertRaised> received;
  service::MessageConsumer consumer(
      rt.settings, rt.pool, rt.consumer, rt.scratch.queue(),
      [&](pqxx::work&, const messages::Envelope& envelope) {
        auto decoded = messages::decode<messages::AlertRaised>(envelope);
        REQUIRE(decoded);
        std::lock_guard lock(mutex);
        received.push_back(*decoded);
      },
      rt.log, extras(rt));
  consumer.start();
  service::OutboxRelayLoop relay(rt.settings, rt.pool, rt.producer, rt.log, rt.scratch.topology());

  core::SystemClock clock;
  {
    auto lease = rt.pool.acquire();
    pqxx::work tx(*lease);
    service::publish(tx, rt.producer, alert("committed"), service::start_flow(clock));
    tx.commit();
  }
  {
    auto lease = rt.pool.acquire();
    pqxx::work tx(*lease);
    service::publish(tx, rt.producer, alert("rolled back"), service::start_flow(clock));
    tx.abort();
  }
  relay.poke();
  REQUIRE(eventually([&] { std::lock_guard lock(mutex); return !received.empty(); }, std::chrono::seconds(20)));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  relay.stop();
  consumer.stop();
  std::lock_guard lock(mutex);
  REQUIRE(received.size() == 1);
  CHECK(received[0].message == "committed");
  CHECK(relay.relayed() == 1);
}

TEST_CASE("an invalid message goes to the dead-letter queue with the reason and the next one flows") {
  Runtime rt;
  std::atomic<int> applied{0};
  service::MessageConsumer consumer(
      rt.settings, rt.pool, rt.consumer, rt.scratch.queue(),
      [&](pqxx::work&, const messages::Envelope&) { ++applied; }, rt.log, extras(rt));
  consumer.start();

  bus::Publisher publisher(bus::testing::broker_url(), publisher_options(rt));
  REQUIRE(publisher.publish(rt.scratch.topology().exchange, {core::new_uuid(), "alert.raised", R"({"id":1})", {}}));
  core::SystemClock clock;
  auto good = messages::encode(alert("valid"), service::start_flow(clock));
  REQUIRE(publisher.publish(rt.scratch.topology().exchange, {good.header.id, "alert.raised", good.to_json(), {}}));

  REQUIRE(eventually([&] { return applied == 1; }, std::chrono::seconds(20)));
  auto dead = bus::testing::take_one(bus::dead_letter_queue_name(rt.scratch.queue()), std::chrono::seconds(10));
  consumer.stop();
  REQUIRE(dead);
  auto reason = bus::find_header(dead->headers, bus::header::reject_reason);
  REQUIRE(reason);
  CHECK(std::string(*reason).find("invalid message: ") == 0);
  CHECK(std::string(*reason).find("/id") != std::string::npos);
}

TEST_CASE("an Apply that throws Rejection dead-letters the message instead of retrying it") {
  Runtime rt;
  std::atomic<int> attempts{0};
  service::MessageConsumer consumer(
      rt.settings, rt.pool, rt.consumer, rt.scratch.queue(),
      [&](pqxx::work&, const messages::Envelope&) {
        ++attempts;
        throw service::Rejection("order 100-x refers to a store we do not serve");
      },
      rt.log, extras(rt));
  consumer.start();
  bus::Publisher publisher(bus::testing::broker_url(), publisher_options(rt));
  core::SystemClock clock;
  auto message = messages::encode(alert("poison"), service::start_flow(clock));
  REQUIRE(publisher.publish(rt.scratch.topology().exchange, {message.header.id, "alert.raised", message.to_json(), {}}));
  auto dead = bus::testing::take_one(bus::dead_letter_queue_name(rt.scratch.queue()), std::chrono::seconds(15));
  consumer.stop();
  REQUIRE(dead);
  CHECK(attempts == 1);
  CHECK(std::string(*bus::find_header(dead->headers, bus::header::reject_reason)) ==
        "order 100-x refers to a store we do not serve");
}

TEST_CASE("the topology binds every message type to exactly the consumers that need it") {
  const auto t = service::topology();
  auto bound = [&](const std::string& key) {
    std::vector<std::string> queues;
    for (const auto& q : t.queues)
      for (const auto& k : q.binding_keys)
        if (k == key) queues.push_back(q.name);
    return queues;
  };
  CHECK(bound("ss.order.changed") == std::vector<std::string>{"reconciler.shipstation"});
  CHECK(bound("posting.requested") == std::vector<std::string>{"qbxml-writer.requests"});
  CHECK(bound("qbxml.request") == std::vector<std::string>{"qbwc-gateway.requests"});
  CHECK(bound("qbxml.response") == std::vector<std::string>{"qbxml-writer.responses"});
  CHECK(bound("posting.in_doubt") == std::vector<std::string>{"reconciler.quickbooks"});
  CHECK(bound("alert.raised") == std::vector<std::string>{"reconciler.alerts"});
}
