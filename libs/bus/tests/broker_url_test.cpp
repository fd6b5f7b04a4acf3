#include <catch2/catch.hpp>

#include "ml/bus/backoff.hpp"
#include "ml/bus/broker_url.hpp"
#include "ml/bus/topology.hpp"

using namespace ml::bus;
using namespace std::chrono_literals;

TEST_CASE("an amqp URL gives user, password, host, port and vhost") {
  const auto url = parse_broker_url("amqp://ml:s%40cret@rabbit.example:5673/orders");
  REQUIRE(url.has_value());
  CHECK_FALSE(url->tls);
  CHECK(url->user == "ml");
  CHECK(url->password == "s@cret");
  CHECK(url->host == "rabbit.example");
  CHECK(url->port == 5673);
  CHECK(url->vhost == "orders");
}

TEST_CASE("%2F in the path is the default vhost /") {
  CHECK(parse_broker_url("amqp://ml:ml@127.0.0.1:56720/%2F")->vhost == "/");
  CHECK(parse_broker_url("amqp://ml:ml@127.0.0.1:56720/%2fshop")->vhost == "/shop");
}

TEST_CASE("a URL without a path or credentials uses vhost / and guest") {
  const auto url = parse_broker_url("amqp://localhost");
  REQUIRE(url.has_value());
  CHECK(url->vhost == "/");
  CHECK(url->port == 5672);
  CHECK(url->user == "guest");
  CHECK(url->password == "guest");
  CHECK(parse_broker_url("amqp://localhost/")->vhost == "/");
}

TEST_CASE("amqps means TLS on port 5671 unless the URL names a port") {
  CHECK(parse_broker_url("amqps://u:p@mq.example/%2F")->tls);
  CHECK(parse_broker_url("amqps://u:p@mq.example/%2F")->port == 5671);
  CHECK(parse_broker_url("amqps://u:p@mq.example:443/%2F")->port == 443);
}

TEST_CASE("an IPv6 host is written in brackets") {
  const auto url = parse_broker_url("amqp://u:p@[::1]:5672/v");
  REQUIRE(url.has_value());
  CHECK(url->host == "::1");
  CHECK(url->redacted() == "amqp://u:***@[::1]:5672/v");
}

TEST_CASE("bad broker URLs are refused saying what is wrong, without the password") {
  const auto error_of = [](const char* text) {
    const auto url = parse_broker_url(text);
    REQUIRE_FALSE(url.has_value());
    CHECK(url.error().find("s3cret") == std::string::npos);
    return url.error();
  };
  CHECK_THAT(error_of("http://u:s3cret@host/"), Catch::Contains("unsupported scheme 'http'"));
  CHECK_THAT(error_of("rabbit.example:5672"), Catch::Contains("missing scheme"));
  CHECK_THAT(error_of("amqp://u:s3cret@:5672/"), Catch::Contains("host is missing"));
  CHECK_THAT(error_of("amqp://u:s3cret@host:abc/"), Catch::Contains("port 'abc'"));
  CHECK_THAT(error_of("amqp://u:s3cret@host:70000/"), Catch::Contains("1 to 65535"));
  CHECK_THAT(error_of("amqp://u:s3cret@host:/"), Catch::Contains("port is empty"));
  CHECK_THAT(error_of("amqp://u:s3cret@host/%2"), Catch::Contains("bad percent-escape in the vhost"));
  CHECK_THAT(error_of("amqp://u:s3cret@host/a/b"), Catch::Contains("write it as %2F"));
  CHECK_THAT(error_of("amqp://u:s3cret@host/?heartbeat=10"), Catch::Contains("query parameters"));
  CHECK_THAT(error_of("amqp://u:s3cret%zz@host/"), Catch::Contains("bad percent-escape in the password"));
}

TEST_CASE("a redacted URL hides the password and re-encodes the vhost") {
  CHECK(parse_broker_url("amqp://ml:secret@127.0.0.1:56720/%2F")->redacted() == "amqp://ml:***@127.0.0.1:56720/%2F");
}

TEST_CASE("reconnect delays double up to the cap and start over after reset") {
  Backoff backoff({100ms, 350ms});
  CHECK(backoff.next() == 100ms);
  CHECK(backoff.next() == 200ms);
  CHECK(backoff.next() == 350ms);
  CHECK(backoff.next() == 350ms);
  backoff.reset();
  CHECK(backoff.next() == 100ms);
}

TEST_CASE("each consumer queue is planned as a quorum queue with a DLQ and a retry queue") {
  Topology topology;
  topology.queues.push_back({"reconciler.ss", {"ss.order.*", "ss.shipment.*"}, 7, 2500ms});
  const TopologyPlan declared = plan(topology);
  REQUIRE(declared.exchanges.size() == 2);
  CHECK(declared.exchanges[0].name == "ml.events");
  CHECK(declared.exchanges[0].type == "topic");
  CHECK(declared.exchanges[1].name == "ml.dlx");
  REQUIRE(declared.queues.size() == 3);
  const auto argument = [](const QueueDeclaration& queue, const std::string& key) {
    for (const auto& a : queue.arguments)
      if (a.key == key) return a.value;
    FAIL("no argument " << key << " on " << queue.name);
    return std::variant<std::string, std::int64_t>{};
  };
  const auto& main = declared.queues[0];
  CHECK(main.name == "reconciler.ss");
  CHECK(std::get<std::string>(argument(main, "x-queue-type")) == "quorum");
  CHECK(std::get<std::int64_t>(argument(main, "x-delivery-limit")) == 7);
  CHECK(std::get<std::string>(argument(main, "x-dead-letter-exchange")) == "ml.dlx");
  CHECK(std::get<std::string>(argument(main, "x-dead-letter-routing-key")) == "reconciler.ss");
  CHECK(declared.queues[1].name == "reconciler.ss.dlq");
  const auto& retry = declared.queues[2];
  CHECK(retry.name == "reconciler.ss.retry");
  CHECK(std::get<std::int64_t>(argument(retry, "x-message-ttl")) == 2500);
  CHECK(std::get<std::string>(argument(retry, "x-dead-letter-exchange")).empty());
  CHECK(std::get<std::string>(argument(retry, "x-dead-letter-routing-key")) == "reconciler.ss");
  REQUIRE(declared.bindings.size() == 3);
  CHECK(declared.bindings[1].routing_key == "ss.shipment.*");
  CHECK(declared.bindings[2].exchange == "ml.dlx");
  CHECK(declared.bindings[2].queue == "reconciler.ss.dlq");
  CHECK(declared.bindings[2].routing_key == "reconciler.ss");
}
