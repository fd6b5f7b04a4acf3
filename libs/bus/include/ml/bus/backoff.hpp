#pragma once
/// Exponential reconnect delays with a cap.
#include <chrono>

namespace ml::bus {

/// How long to wait between reconnect attempts: initial, doubling up to max.
struct BackoffPolicy {
  std::chrono::milliseconds initial{100};
  std::chrono::milliseconds max{5000};
};

/// The delays of one run of failures; reset() after a success.
class Backoff {
 public:
  explicit Backoff(BackoffPolicy policy) : policy_(policy), next_(policy.initial) {}

  /// The delay to wait now; the following one doubles, up to the cap.
  std::chrono::milliseconds next();
  void reset() { next_ = policy_.initial; }

 private:
  BackoffPolicy policy_;
  std::chrono::milliseconds next_;
};

}  // namespace ml::bus
