#pragma once
/// Moves a service's outbox to the broker in the background, in order, with confirms.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "ml/bus/publisher.hpp"
#include "ml/core/log.hpp"
#include "ml/service/settings.hpp"
#include "ml/store/outbox.hpp"
#include "ml/store/pool.hpp"

namespace ml::service {

/// Publishes outbox rows through `publisher` as one confirmed batch; throws unless every
/// message was confirmed (the relay then leaves them unsent and tries again).
store::OutboxRelay::PublishConfirmed publish_through(bus::Publisher& publisher);

/// Relays `<schema>.outbox` every relay_interval, and at once after poke().
class OutboxRelayLoop {
 public:
  OutboxRelayLoop(const ServiceSettings& settings, store::ConnectionPool& pool, std::string schema,
                  core::Logger& log, bus::Topology topology);
  ~OutboxRelayLoop();
  OutboxRelayLoop(const OutboxRelayLoop&) = delete;
  OutboxRelayLoop& operator=(const OutboxRelayLoop&) = delete;

  /// Wakes the loop (e.g. right after a commit that wrote to the outbox).
  void poke();
  /// Relays what is pending once more, then stops the thread.
  void stop();
  /// Messages published so far.
  std::size_t relayed() const { return relayed_; }

 private:
  void run(std::stop_token stop);
  void drain();

  bus::Publisher publisher_;
  store::OutboxRelay relay_;
  std::string schema_;
  core::Logger& log_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool poked_ = false;
  std::atomic<std::size_t> relayed_{0};
  std::jthread thread_;
};

}  // namespace ml::service
