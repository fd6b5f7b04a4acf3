#include <catch2/catch.hpp>

#include <mutex>

#include "broker_fixture.hpp"
#include "ml/bus/consumer.hpp"

using namespace ml::bus;
using namespace ml::bus::testing;
using namespace std::chrono_literals;

namespace {

/// What a handler saw, shared with the test thread.
class Seen {
 public:
  void add(const Delivery& delivery) {
    std::lock_guard lock(mutex_);
    deliveries_.push_back(delivery);
  }
  std::vector<Delivery> all() const {
    std::lock_guard lock(mutex_);
    return deliveries_;
  }
  std::size_t size() const { return all().size(); }

 private:
  mutable std::mutex mutex_;
  std::vector<Delivery> deliveries_;
};

ConsumerOptions fast_options(int max_attempts = 5) {
  ConsumerOptions options;
  options.max_attempts = max_attempts;
  options.poll_interval = 50ms;
  options.connection.connection_name = "bus_tests consumer";
  return options;
}

void publish_all(const ScratchTopology& scratch, const std::vector<std::string>& ids) {
  PublisherOptions options;
  options.topology = scratch.topology();
  Publisher publisher(broker_url(), options);
  for (const auto& id : ids) REQUIRE(publisher.publish(Message{id, "test.event", "{}", {}}).has_value());
}

}  // namespace

TEST_CASE("the handler receives each published message once and its ack removes it from the queue") {
  ScratchTopology scratch("ack");
  Seen seen;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) { seen.add(d); return HandlerResult::ack(); }, fast_options());
  consumer.start();
  publish_all(scratch, {"a-1", "a-2", "a-3"});
  REQUIRE(eventually([&] { return seen.size() == 3; }));
  consumer.stop();
  CHECK(seen.all()[0].message_id == "a-1");
  CHECK(seen.all()[0].routing_key == "test.event");
  CHECK(seen.all()[0].attempt == 1);
  CHECK(ready_count(scratch.queue()) == 0);
}

TEST_CASE("RetryLater comes back after the retry delay and ends in the DLQ after the attempt limit") {
  ScratchTopology scratch("retry", 300ms);
  Seen seen;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) { seen.add(d); return HandlerResult::retry_later("QBWC not polling"); },
                    fast_options(3));
  consumer.start();
  publish_all(scratch, {"r-1"});
  const auto dead = take_one(dead_letter_queue_name(scratch.queue()), 15s);
  consumer.stop();
  REQUIRE(dead.has_value());
  CHECK(dead->message_id == "r-1");
  CHECK_THAT(std::string(find_header(dead->headers, header::reject_reason).value_or("")),
             Catch::Contains("gave up after 3 attempts") && Catch::Contains("QBWC not polling"));
  CHECK(find_header(dead->headers, header::routing_key) == "test.event");
  const auto deliveries = seen.all();
  REQUIRE(deliveries.size() == 3);
  CHECK(deliveries[0].attempt == 1);
  CHECK(deliveries[1].attempt == 2);
  CHECK(deliveries[2].attempt == 3);
  CHECK(deliveries[2].routing_key == "test.event");
  CHECK(find_header(deliveries[1].headers, header::retry_reason) == "QBWC not polling");
  CHECK(ready_count(scratch.queue()) == 0);
  CHECK(ready_count(retry_queue_name(scratch.queue())) == 0);
}

TEST_CASE("Reject lands in the DLQ with its reason while the messages behind it still flow") {
  ScratchTopology scratch("reject");
  Seen accepted;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) {
                      if (d.message_id == "poison") return HandlerResult::reject("payload fails schema: no id");
                      accepted.add(d);
                      return HandlerResult::ack();
                    },
                    fast_options());
  consumer.start();
  publish_all(scratch, {"poison", "ok-1", "ok-2", "ok-3"});
  REQUIRE(eventually([&] { return accepted.size() == 3; }));
  consumer.stop();
  const auto dead = take_one(dead_letter_queue_name(scratch.queue()));
  REQUIRE(dead.has_value());
  CHECK(dead->message_id == "poison");
  CHECK(find_header(dead->headers, header::reject_reason) == "payload fails schema: no id");
  CHECK(find_header(dead->headers, header::rejected_by) == scratch.queue());
  CHECK(ready_count(scratch.queue()) == 0);
}

TEST_CASE("a handler that throws gets the message again later") {
  ScratchTopology scratch("throws", 200ms);
  Seen seen;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) {
                      seen.add(d);
                      if (d.attempt == 1) throw std::runtime_error("database briefly away");
                      return HandlerResult::ack();
                    },
                    fast_options());
  consumer.start();
  publish_all(scratch, {"t-1"});
  REQUIRE(eventually([&] { return seen.size() == 2; }));
  consumer.stop();
  CHECK(find_header(seen.all()[1].headers, header::retry_reason) == "handler threw: database briefly away");
}

TEST_CASE("stop lets the handler finish and settle the message in hand") {
  ScratchTopology scratch("stop");
  std::atomic<bool> inside{false};
  Seen seen;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) {
                      inside = true;
                      std::this_thread::sleep_for(300ms);
                      seen.add(d);
                      return HandlerResult::ack();
                    },
                    fast_options());
  consumer.start();
  publish_all(scratch, {"s-1"});
  REQUIRE(eventually([&] { return inside.load(); }));
  consumer.stop();
  CHECK(seen.size() == 1);
  CHECK(ready_count(scratch.queue()) == 0);
}

TEST_CASE("a message without a message id goes to the DLQ without reaching the handler") {
  ScratchTopology scratch("noid");
  Seen seen;
  Consumer consumer(broker_url(), scratch.topology(), scratch.queue(),
                    [&](const Delivery& d) { seen.add(d); return HandlerResult::ack(); }, fast_options());
  consumer.start();
  publish_all(scratch, {"", "with-id"});
  REQUIRE(eventually([&] { return seen.size() == 1; }));
  consumer.stop();
  CHECK(seen.all()[0].message_id == "with-id");
  const auto dead = take_one(dead_letter_queue_name(scratch.queue()));
  REQUIRE(dead.has_value());
  CHECK(dead->message_id.empty());
  CHECK_THAT(std::string(find_header(dead->headers, header::reject_reason).value_or("")),
             Catch::Contains("no message_id"));
}
