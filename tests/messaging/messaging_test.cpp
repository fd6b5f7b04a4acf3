#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <mutex>
#include <thread>

#include "messaging_fixture.hpp"
#include "ml/testing/environment.hpp"

using namespace ml;
using namespace ml::messaging_tests;
using bus::testing::broker_url;
using bus::testing::eventually;
using namespace std::chrono_literals;

TEST_CASE("10,000 messages relayed from the outbox with confirms are applied once each, none lost") {
  MiniService service("tenk", 6);
  constexpr int total = 10000;
  service.fill_outbox("m", total);
  bus::Consumer first(broker_url(), service.topology(), service.queue(), service.applying_handler(),
                      test_consumer_options());
  bus::Consumer second(broker_url(), service.topology(), service.queue(), service.applying_handler(),
                       test_consumer_options());
  first.start();
  second.start();
  bus::Publisher publisher(broker_url(), test_publisher_options(service.topology()));
  service.relay_all(publisher);
  {
    auto lease = service.pool().acquire();
    CHECK(store::outbox_pending(*lease, service.schema()) == 0);
  }
  REQUIRE(eventually([&] { return service.applied_rows() >= total; }, 150s));
  first.stop();
  second.stop();
  CHECK(service.applied_rows() == total);
  CHECK(service.distinct_applied() == total);
  CHECK(service.applied == total);
  CHECK(bus::testing::ready_count(service.queue()) == 0);
  CHECK(bus::testing::ready_count(bus::dead_letter_queue_name(service.queue())) == 0);
}

TEST_CASE("the same message delivered twice changes the state once and is audited once") {
  MiniService service("twice");
  std::mutex mutex;
  std::vector<store::ProcessOutcome> outcomes;
  bus::Consumer consumer(broker_url(), service.topology(), service.queue(),
                         [&](const bus::Delivery& delivery) {
                           const auto outcome = service.apply(delivery, /*audit=*/true);
                           std::lock_guard lock(mutex);
                           outcomes.push_back(outcome);
                           return bus::HandlerResult::ack();
                         },
                         test_consumer_options());
  consumer.start();
  bus::Publisher publisher(broker_url(), test_publisher_options(service.topology()));
  const bus::Message message{"order-1001-shipped", "test.event", R"({"order":"1001"})", {}};
  REQUIRE(publisher.publish(message).has_value());
  REQUIRE(publisher.publish(message).has_value());
  REQUIRE(eventually([&] {
    std::lock_guard lock(mutex);
    return outcomes.size() == 2;
  }));
  consumer.stop();
  CHECK(outcomes == std::vector{store::ProcessOutcome::Applied, store::ProcessOutcome::Duplicate});
  CHECK(service.applied_rows() == 1);
  CHECK(service.audit_rows() == 1);
}

TEST_CASE("a rejected message sits in the DLQ with its reason while the messages behind it are applied") {
  MiniService service("reject");
  bus::Consumer consumer(broker_url(), service.topology(), service.queue(),
                         [&](const bus::Delivery& delivery) {
                           if (!delivery.body.starts_with('{'))
                             return bus::HandlerResult::reject("body is not a JSON object (offset 0)");
                           service.apply(delivery);
                           return bus::HandlerResult::ack();
                         },
                         test_consumer_options());
  consumer.start();
  bus::Publisher publisher(broker_url(), test_publisher_options(service.topology()));
  REQUIRE(publisher.publish({"bad-1", "test.event", "not json", {}}).has_value());
  for (int i = 0; i < 5; ++i)
    REQUIRE(publisher.publish({"good-" + std::to_string(i), "test.event", "{}", {}}).has_value());
  REQUIRE(eventually([&] { return service.applied_rows() == 5; }));
  consumer.stop();
  const auto dead = bus::testing::take_one(bus::dead_letter_queue_name(service.queue()));
  REQUIRE(dead.has_value());
  CHECK(dead->message_id == "bad-1");
  CHECK(dead->body == "not json");
  CHECK(bus::find_header(dead->headers, bus::header::reject_reason) == "body is not a JSON object (offset 0)");
  CHECK(bus::testing::ready_count(service.queue()) == 0);
}

namespace {

/// In a child process: consume from the queue, commit the first message, and die before the ack.
[[noreturn]] void consume_commit_and_die(const std::string& schema, const bus::Topology& topology,
                                         const std::string& queue) {
  store::ConnectionPool pool(ml::testing::pg_url(), 1);
  bus::Consumer consumer(broker_url(), topology, queue,
                         [&](const bus::Delivery& delivery) {
                           const auto outcome = store::process_message(
                               pool, schema, "messaging-test", delivery.message_id, [&](pqxx::work& tx) {
                                 tx.exec_params0("INSERT INTO " + store::quoted_schema(schema) +
                                                     ".applied (message_id) VALUES ($1)",
                                                 delivery.message_id);
                               });
                           ::_exit(outcome == store::ProcessOutcome::Applied ? 0 : 2);
                           return bus::HandlerResult::ack();
                         },
                         test_consumer_options());
  consumer.start();
  std::this_thread::sleep_for(20s);
  ::_exit(3);
}

}  // namespace

TEST_CASE("a consumer killed after its commit and before its ack: the redelivery is absorbed as a duplicate") {
  MiniService service("killed");
  bus::Publisher publisher(broker_url(), test_publisher_options(service.topology()));
  REQUIRE(publisher.publish({"order-2002-shipped", "test.event", "{}", {}}).has_value());
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) consume_commit_and_die(service.schema(), service.topology(), service.queue());
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(service.applied_rows() == 1);

  std::atomic<bool> redelivered{false};
  bus::Consumer consumer(broker_url(), service.topology(), service.queue(),
                         [&](const bus::Delivery& delivery) {
                           const auto result = service.applying_handler()(delivery);
                           redelivered = delivery.redelivered;
                           return result;
                         },
                         test_consumer_options());
  consumer.start();
  REQUIRE(eventually([&] { return service.duplicates == 1; }));
  consumer.stop();
  CHECK(redelivered);
  CHECK(service.applied == 0);
  CHECK(service.applied_rows() == 1);
  CHECK(bus::testing::ready_count(service.queue()) == 0);
}
