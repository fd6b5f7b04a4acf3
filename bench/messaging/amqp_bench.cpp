#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "bare_amqp.hpp"
#include "bench.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/consumer.hpp"
#include "ml/bus/publisher.hpp"

namespace ml::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint16_t kPrefetch = 100;

bus::Topology bench_topology() {
  const std::string base = "bench.messaging." + std::to_string(::getpid());
  return bus::Topology{base + ".events", base + ".dlx", {bus::QueueSpec{base + ".queue", {"bench.#"}}}};
}

/// The benchmark's exchanges and queues, deleted at the end.
class ScratchBroker {
 public:
  explicit ScratchBroker(const bus::BrokerUrl& url) : connection_(bus::Connection::open(url, {})) {
    bus::declare(connection_, topology_);
  }
  ~ScratchBroker() {
    for (const auto& queue : bus::plan(topology_).queues)
      amqp_queue_delete(connection_.native(), bus::Connection::kChannel, amqp_cstring_bytes(queue.name.c_str()), 0, 0);
    for (const auto& exchange : bus::plan(topology_).exchanges)
      amqp_exchange_delete(connection_.native(), bus::Connection::kChannel, amqp_cstring_bytes(exchange.name.c_str()), 0);
  }
  const bus::Topology& topology() const { return topology_; }
  const std::string& queue() const { return topology_.queues.front().name; }
  void purge() {
    amqp_queue_purge(connection_.native(), bus::Connection::kChannel, amqp_cstring_bytes(queue().c_str()));
    connection_.check(amqp_get_rpc_reply(connection_.native()), "purge");
  }

 private:
  bus::Topology topology_ = bench_topology();
  bus::Connection connection_;
};

std::vector<bus::Message> messages(std::size_t count, const std::string& prefix) {
  std::vector<bus::Message> result;
  for (std::size_t i = 0; i < count; ++i)
    result.push_back({prefix + std::to_string(i), "bench.event", R"({"bench":true})", {}});
  return result;
}

void publish_in_batches(bus::Publisher& publisher, const std::vector<bus::Message>& all, std::size_t batch) {
  for (std::size_t first = 0; first < all.size(); first += batch) {
    const auto chunk = std::span(all).subspan(first, std::min(batch, all.size() - first));
    if (auto published = publisher.publish_batch(chunk); !published)
      throw std::runtime_error("publish failed: " + published.error().message);
  }
}

template <typename Work>
Clock::duration timed(Work&& work) {
  const auto start = Clock::now();
  work();
  return Clock::now() - start;
}

double ours_consume(const Settings& settings, ScratchBroker& broker) {
  std::mutex mutex;
  std::condition_variable done;
  std::size_t handled = 0;
  bus::ConsumerOptions options;
  options.prefetch = kPrefetch;
  bus::Consumer consumer(settings.amqp, broker.topology(), broker.queue(),
                         [&](const bus::Delivery&) {
                           std::lock_guard lock(mutex);
                           if (++handled == settings.count) done.notify_one();
                           return bus::HandlerResult::ack();
                         },
                         options);
  const auto elapsed = timed([&] {
    consumer.start();
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return handled >= settings.count; });
  });
  consumer.stop();
  return per_second(settings.count, elapsed);
}

}  // namespace

std::vector<Figure> measure_amqp(const Settings& settings) {
  ScratchBroker broker(settings.amqp);
  bus::PublisherOptions options;
  options.topology = broker.topology();
  bus::Publisher publisher(settings.amqp, options);
  const std::string& exchange = broker.topology().exchange;
  const auto singles = messages(settings.count, "single-");
  const auto batched = messages(settings.count, "batched-");
  publish_in_batches(publisher, messages(1, "warm-up-"), 1);

  Figure single{"confirmed publish, one at a time", "msg/s"};
  broker.purge();
  single.ours = per_second(settings.count, timed([&] { publish_in_batches(publisher, singles, 1); }));
  broker.purge();
  single.baseline = per_second(settings.count, timed([&] {
    BareConnection bare(settings.amqp);
    bare.publish_confirmed(exchange, "bench.event", settings.count, 1);
  }));

  Figure batch{"confirmed publish, batches of " + std::to_string(settings.batch), "msg/s"};
  broker.purge();
  batch.ours = per_second(settings.count, timed([&] { publish_in_batches(publisher, batched, settings.batch); }));
  broker.purge();
  batch.baseline = per_second(settings.count, timed([&] {
    BareConnection bare(settings.amqp);
    bare.publish_confirmed(exchange, "bench.event", settings.count, settings.batch);
  }));

  Figure consume{"consume + ack, prefetch " + std::to_string(kPrefetch), "msg/s"};
  broker.purge();
  publish_in_batches(publisher, batched, settings.batch);
  consume.ours = ours_consume(settings, broker);
  broker.purge();
  publish_in_batches(publisher, batched, settings.batch);
  consume.baseline = per_second(settings.count, timed([&] {
    BareConnection bare(settings.amqp);
    bare.consume_and_ack(broker.queue(), settings.count, kPrefetch);
  }));
  return {single, batch, consume};
}

}  // namespace ml::bench
