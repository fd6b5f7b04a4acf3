#pragma once
// The baselines: librabbitmq used directly, with nothing of ours in between.
#include <amqp.h>

#include <cstddef>
#include <string>

#include "ml/bus/broker_url.hpp"

namespace ml::bench {

/// A plain connection with channel 1 open; aborts the benchmark with a message on failure.
class BareConnection {
 public:
  explicit BareConnection(const bus::BrokerUrl& url);
  ~BareConnection();
  BareConnection(const BareConnection&) = delete;
  BareConnection& operator=(const BareConnection&) = delete;

  amqp_connection_state_t state() const { return state_; }

  /// confirm.select, then `count` persistent mandatory publishes to `exchange`, waiting for all
  /// acks after every `batch` publishes (batch 1: after each).
  void publish_confirmed(const std::string& exchange, const std::string& routing_key, std::size_t count,
                         std::size_t batch);
  /// basic.consume with `prefetch`, acking each of `count` deliveries.
  void consume_and_ack(const std::string& queue, std::size_t count, std::uint16_t prefetch);

 private:
  amqp_connection_state_t state_;
};

}  // namespace ml::bench
