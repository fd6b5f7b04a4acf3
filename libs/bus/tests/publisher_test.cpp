#include <catch2/catch.hpp>

#include "../src/amqp_table.hpp"
#include "broker_fixture.hpp"
#include "ml/bus/publisher.hpp"

using namespace ml::bus;
using namespace ml::bus::testing;
using namespace std::chrono_literals;

namespace {

PublisherOptions options_for(const ScratchTopology& scratch) {
  PublisherOptions options;
  options.topology = scratch.topology();
  options.connection.connection_name = "bus_tests publisher";
  return options;
}

Message message(std::string id, std::string routing_key = "test.thing.happened") {
  return Message{std::move(id), std::move(routing_key), R"({"n":1})", {{"x-app", "bus-tests"}}};
}

}  // namespace

TEST_CASE("a confirmed publish reaches the bound queue, persistent and with its id and headers") {
  ScratchTopology scratch("confirmed");
  Publisher publisher(broker_url(), options_for(scratch));
  const auto published = publisher.publish(message("m-1"));
  REQUIRE(published.has_value());
  const auto got = take_one(scratch.queue());
  REQUIRE(got.has_value());
  CHECK(got->message_id == "m-1");
  CHECK(got->body == R"({"n":1})");
  CHECK(got->routing_key == "test.thing.happened");
  CHECK(got->content_type == "application/json");
  CHECK(find_header(got->headers, "x-app") == "bus-tests");
  CHECK(find_header(got->headers, "delivery-mode") == "2");
}

TEST_CASE("an unroutable mandatory publish is reported as returned") {
  ScratchTopology scratch("unroutable");
  Publisher publisher(broker_url(), options_for(scratch));
  const auto published = publisher.publish(message("lost-1", "nobody.listens"));
  REQUIRE_FALSE(published.has_value());
  CHECK(published.error().kind == PublishErrorKind::Returned);
  CHECK_THAT(published.error().message, Catch::Contains("lost-1") && Catch::Contains("NO_ROUTE"));
  CHECK_FALSE(in_doubt(published.error().kind));
  CHECK(publisher.publish(message("after-1")).has_value());
}

TEST_CASE("a batch waits for every confirm and names exactly the messages that were returned") {
  ScratchTopology scratch("batch");
  Publisher publisher(broker_url(), options_for(scratch));
  std::vector<Message> batch;
  for (int i = 0; i < 50; ++i)
    batch.push_back(message("b-" + std::to_string(i), i % 10 == 3 ? "nobody.listens" : "test.batch"));
  const auto published = publisher.publish_batch(batch);
  REQUIRE_FALSE(published.has_value());
  CHECK(published.error().kind == PublishErrorKind::Returned);
  std::vector<std::string> failed;
  for (const auto& failure : published.error().failures) failed.push_back(failure.message_id);
  CHECK(failed == std::vector<std::string>{"b-3", "b-13", "b-23", "b-33", "b-43"});
  CHECK(eventually([&] { return ready_count(scratch.queue()) == 45; }));
}

TEST_CASE("publishing to an exchange that does not exist is a channel-closed error, and the next publish works") {
  ScratchTopology scratch("noexchange");
  Publisher publisher(broker_url(), options_for(scratch));
  const auto published = publisher.publish("no.such.exchange." + scratch.queue(), message("x-1"));
  REQUIRE_FALSE(published.has_value());
  CHECK(published.error().kind == PublishErrorKind::ChannelClosed);
  CHECK_THAT(published.error().message, Catch::Contains("404"));
  REQUIRE(publisher.publish(message("x-2")).has_value());
  CHECK(publisher.connects() == 2);
}

TEST_CASE("a broker that cannot be reached is reported as unreachable after the reconnect deadline") {
  BrokerUrl url = broker_url();
  url.port = 1;
  PublisherOptions options;
  options.reconnect = {10ms, 50ms};
  options.reconnect_deadline = 300ms;
  Publisher publisher(url, options);
  const auto published = publisher.publish(message("u-1"));
  REQUIRE_FALSE(published.has_value());
  CHECK(published.error().kind == PublishErrorKind::Unreachable);
  CHECK_THAT(published.error().message, Catch::Contains("cannot connect"));
}

TEST_CASE("a publish the broker refuses is reported as nacked") {
  ScratchTopology scratch("nack");
  Publisher publisher(broker_url(), options_for(scratch));
  REQUIRE(publisher.publish(message("n-0")).has_value());
  const std::string full = scratch.queue() + ".full";
  auto connection = Connection::open(broker_url(), {});
  const std::vector<Argument> limits{{"x-max-length", std::int64_t{1}}, {"x-overflow", std::string("reject-publish")}};
  detail::TableView arguments(limits);
  amqp_queue_declare(connection.native(), Connection::kChannel, detail::bytes(full), 0, 0, 0, 1, arguments.table());
  connection.check(amqp_get_rpc_reply(connection.native()), "declare " + full);
  amqp_queue_bind(connection.native(), Connection::kChannel, detail::bytes(full),
                  detail::bytes(scratch.topology().exchange), detail::bytes("test.full"), amqp_empty_table);
  connection.check(amqp_get_rpc_reply(connection.native()), "bind " + full);

  REQUIRE(publisher.publish(message("n-1", "test.full")).has_value());
  const auto refused = publisher.publish(message("n-2", "test.full"));
  amqp_queue_delete(connection.native(), Connection::kChannel, detail::bytes(full), 0, 0);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().kind == PublishErrorKind::Nacked);
  CHECK(refused.error().failures.at(0).message_id == "n-2");
}
