#pragma once
/// Consuming one queue with manual acks, retries through the retry queue, and dead-lettering
/// with a reason, in a thread of its own that survives broker restarts.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "ml/bus/backoff.hpp"
#include "ml/bus/broker_url.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/message.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/bus/topology.hpp"

namespace ml::bus {

/// What the handler decided about a delivery.
enum class Outcome {
  Ack,         ///< done (or a duplicate): remove it from the queue
  RetryLater,  ///< try again after the queue's retry_delay; after max_attempts it goes to the DLQ
  Reject,      ///< never going to work: to the DLQ with the reason
};

struct HandlerResult {
  Outcome outcome = Outcome::Ack;
  std::string reason;  ///< for RetryLater and Reject; travels in a header

  static HandlerResult ack() { return {Outcome::Ack, {}}; }
  static HandlerResult retry_later(std::string reason) { return {Outcome::RetryLater, std::move(reason)}; }
  static HandlerResult reject(std::string reason) { return {Outcome::Reject, std::move(reason)}; }
};

/// Called once per delivery on the consumer's thread. An exception counts as RetryLater.
/// A message without message_id never reaches it: it goes to the DLQ with that reason.
using Handler = std::function<HandlerResult(const Delivery&)>;

struct ConsumerOptions {
  ConnectionOptions connection;
  std::uint16_t prefetch = 10;                       ///< basic.qos prefetch count
  int max_attempts = 5;                              ///< RetryLater on this attempt sends it to the DLQ
  BackoffPolicy reconnect;
  std::chrono::milliseconds poll_interval{200};      ///< how often the stop flag is looked at
  std::chrono::milliseconds confirm_timeout{10000};  ///< for the retry and dead-letter copies
  std::function<void(const std::string&)> on_error;  ///< connection problems, for the log
};

/// Consumes `queue` of `topology` on its own connection and thread. At every (re)connect it
/// declares the topology, sets the prefetch and starts consuming. It acks only after the
/// handler returned, on the channel the delivery came from; if that channel died meanwhile the
/// broker redelivers the message (the inbox absorbs the repeat).
class Consumer {
 public:
  Consumer(BrokerUrl url, Topology topology, std::string queue, Handler handler, ConsumerOptions options = {});
  /// Stops (see stop()).
  ~Consumer();
  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  /// Starts the consumer thread.
  void start();
  /// Graceful stop: finishes and settles the message in hand, closes the channel (the broker
  /// requeues prefetched, unacked messages) and joins the thread.
  void stop();

  /// True while a consuming channel is open.
  bool connected() const { return connected_; }
  /// Times a consuming channel was opened (1 after the first connect).
  std::uint64_t connects() const { return connects_; }

 private:
  void run(std::stop_token stop);

  BrokerUrl url_;
  Topology topology_;
  QueueSpec queue_;
  Handler handler_;
  ConsumerOptions options_;
  Publisher republisher_;
  std::atomic<bool> connected_{false};
  std::atomic<std::uint64_t> connects_{0};
  std::jthread thread_;
};

}  // namespace ml::bus
