#pragma once
/// ShipStation V1's budget: a fixed window (40 requests per 60 s by default) per API key+secret.
/// A window opens with the first request after the previous one ended.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "ml/core/clock.hpp"

namespace ml::shipstation_sim {

/// What the three X-Rate-Limit-* headers of one response say.
struct RateDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;
  int reset_seconds = 0;  ///< Whole seconds until the next window (rounded up).
};

class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::milliseconds window, std::shared_ptr<const ml::core::Clock> clock);

  /// Counts one request for `credential` (allowed while the window has budget).
  RateDecision take(const std::string& credential);
  /// The current state for `credential` without counting a request.
  RateDecision peek(const std::string& credential);

  void configure(int limit, std::chrono::milliseconds window);

 private:
  struct Window {
    ml::core::TimePoint start;
    int used = 0;
  };
  Window& current(const std::string& credential);
  RateDecision describe(const Window& window, bool allowed) const;

  std::mutex mutex_;
  int limit_;
  std::chrono::milliseconds window_;
  std::shared_ptr<const ml::core::Clock> clock_;
  std::map<std::string, Window> windows_;
};

}  // namespace ml::shipstation_sim
