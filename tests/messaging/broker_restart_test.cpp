#include <catch2/catch.hpp>

#include <thread>

#include "messaging_fixture.hpp"
#include "ml/testing/environment.hpp"

using namespace ml;
using namespace ml::messaging_tests;
using bus::testing::broker_url;
using bus::testing::eventually;
using namespace std::chrono_literals;

namespace {

/// Starts RabbitMQ again at scope exit, whatever happened in between (start is a no-op when up).
struct BrokerLeftRunning {
  ~BrokerLeftRunning() { ml::testing::services_ctl("start-rabbit"); }
};

}  // namespace

TEST_CASE("RabbitMQ restarted mid-stream: publisher and consumer recover and every message is applied once") {
  MiniService service("restart", 6);
  constexpr int total = 4000;
  service.fill_outbox("r", total);
  BrokerLeftRunning broker_left_running;
  std::atomic<long> consumer_problems{0};
  auto options = test_consumer_options();
  options.on_error = [&](const std::string&) { ++consumer_problems; };
  bus::Consumer consumer(broker_url(), service.topology(), service.queue(), service.applying_handler(), options);
  consumer.start();
  bus::Publisher publisher(broker_url(), test_publisher_options(service.topology()));
  std::atomic<long> relayed{0};
  std::atomic<long> relay_failures{0};
  std::atomic<bool> relay_done{false};
  std::jthread relay_thread([&](std::stop_token stop) {
    store::OutboxRelay relay(service.pool(), service.schema(), publish_through(publisher));
    while (!stop.stop_requested() && !relay_done) {
      try {
        const auto sent = relay.relay_batch(50);
        relayed += static_cast<long>(sent);
        relay_done = sent == 0;
      } catch (const std::exception&) {
        ++relay_failures;
      }
      std::this_thread::sleep_for(40ms);  // paced, so the restart lands while it is still publishing
    }
  });

  REQUIRE(eventually([&] { return relayed >= total / 4 && service.applied >= 200; }, 60s));
  REQUIRE(ml::testing::services_ctl("restart-rabbit") == 0);
  CHECK(relayed < total);
  REQUIRE(eventually([&] { return relay_done.load(); }, 120s));
  REQUIRE(eventually([&] { return service.applied_rows() >= total; }, 120s));
  consumer.stop();

  INFO("relay failures " << relay_failures << ", consumer problems " << consumer_problems << ", duplicates absorbed "
                         << service.duplicates);
  CHECK(service.applied_rows() == total);
  CHECK(service.distinct_applied() == total);
  CHECK(consumer.connects() >= 2);
  CHECK(publisher.connects() >= 2);
  CHECK(bus::testing::ready_count(bus::dead_letter_queue_name(service.queue())) == 0);
}
