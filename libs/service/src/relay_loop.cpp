#include "ml/service/relay_loop.hpp"

#include <stdexcept>

namespace ml::service {
store::OutboxRelay::PublishConfirmed publish_through(bus::Publisher& publisher) {
  return [&publisher](const std::vector<store::OutboxMessage>& rows) {
    std::vector<bus::Message> messages;
    messages.reserve(rows.size());
    for (const auto& row : rows) messages.push_back({row.message_id, row.routing_key, row.body, row.headers});
    if (auto published = publisher.publish_batch(messages); !published)
      throw std::runtime_error(published.error().message);
  };
}

namespace {

bus::PublisherOptions publisher_options(const std::string& schema, bus::Topology topology) {
  bus::PublisherOptions options;
  options.connection.connection_name = schema + " outbox relay";
  options.topology = std::move(topology);
  return options;
}

}  // namespace

OutboxRelayLoop::OutboxRelayLoop(const ServiceSettings& settings, store::ConnectionPool& pool,
                                 std::string schema, core::Logger& log, bus::Topology topology)
    : publisher_(broker_url(settings), publisher_options(schema, std::move(topology))),
      relay_(pool, schema, publish_through(publisher_)),
      schema_(std::move(schema)),
      log_(log),
      interval_(settings.relay_interval),
      thread_([this](std::stop_token stop) { run(stop); }) {}

OutboxRelayLoop::~OutboxRelayLoop() { stop(); }

void OutboxRelayLoop::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_one();
}

void OutboxRelayLoop::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_one();
  thread_.join();
}

void OutboxRelayLoop::drain() {
  while (auto sent = relay_.relay_batch(200)) relayed_ += sent;
}

void OutboxRelayLoop::run(std::stop_token stop) {
  for (;;) {
    try {
      drain();
    } catch (const std::exception& e) {
      log_.warn("outbox relay failed; will retry", {{"schema", schema_}, {"error", e.what()}});
    }
    if (stop.stop_requested()) return;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [this] { return poked_; });
    poked_ = false;
  }
}

}  // namespace ml::service
