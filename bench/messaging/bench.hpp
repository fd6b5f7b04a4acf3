#pragma once
// The messaging benchmark: each figure is ours beside a bare baseline measured in the same run.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "ml/bus/broker_url.hpp"

namespace ml::bench {

struct Figure {
  std::string what;
  std::string unit;
  double ours = 0;
  double baseline = 0;
};

struct Settings {
  bus::BrokerUrl amqp;
  std::string pg_url;
  std::size_t count = 5000;
  std::size_t batch = 100;
};

/// Operations per second of `count` operations that took `elapsed`.
inline double per_second(std::size_t count, std::chrono::steady_clock::duration elapsed) {
  return static_cast<double>(count) / std::chrono::duration<double>(elapsed).count();
}

/// Confirmed publishes (one at a time and in batches) and consume+ack.
std::vector<Figure> measure_amqp(const Settings& settings);
/// process_message (inbox + state + outbox) against a bare INSERT+COMMIT loop.
std::vector<Figure> measure_pg(const Settings& settings);

}  // namespace ml::bench
