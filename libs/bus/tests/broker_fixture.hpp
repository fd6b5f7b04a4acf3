#pragma once
// Test helpers: the test broker, throw-away names, and a peek into queues.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ml/bus/broker_url.hpp"
#include "ml/bus/message.hpp"
#include "ml/bus/topology.hpp"

namespace ml::bus::testing {

/// The broker of $ML_TEST_AMQP_URL.
BrokerUrl broker_url();

/// A name no other run uses: "test.<what>.<pid>.<counter>".
std::string unique_name(const std::string& what);

/// A topology with its own exchanges and one queue, deleted again at the end of the test.
class ScratchTopology {
 public:
  explicit ScratchTopology(const std::string& what, std::chrono::milliseconds retry_delay = std::chrono::seconds(5),
                           std::vector<std::string> binding_keys = {"test.#"});
  ~ScratchTopology();
  ScratchTopology(const ScratchTopology&) = delete;
  ScratchTopology& operator=(const ScratchTopology&) = delete;

  const Topology& topology() const { return topology_; }
  const std::string& queue() const { return topology_.queues.front().name; }

 private:
  Topology topology_;
};

/// Takes one message off `queue` (basic.get with ack), waiting up to `timeout` for one to arrive.
std::optional<Delivery> take_one(const std::string& queue,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(5));

/// Messages ready in `queue`.
std::uint32_t ready_count(const std::string& queue);

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns its last value.
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace ml::bus::testing
