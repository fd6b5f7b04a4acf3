#pragma once
/// The 40-requests-per-minute budget of one ShipStation API key, driven by the
/// X-Rate-Limit-Limit / -Remaining / -Reset headers every response carries. Share one instance
/// between every client and thread using the same key.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "ml/core/clock.hpp"

namespace ml::shipstation {

using ml::core::TimePoint;

/// Blocks the calling thread for a while; injected so tests never really sleep.
using Sleeper = std::function<void(std::chrono::milliseconds)>;
/// std::this_thread::sleep_for.
Sleeper real_sleeper();

/// The rate headers of one response; any may be missing.
struct RateLimitHeaders {
  std::optional<int> limit;          ///< requests per window
  std::optional<int> remaining;      ///< left in the current window
  std::optional<int> reset_seconds;  ///< seconds until the next window starts (not an epoch)
};

struct RateLimiterOptions {
  int limit = 40;                                 ///< assumed until a response says otherwise
  std::chrono::milliseconds window{60'000};      ///< assumed window length when Reset is missing
  std::chrono::milliseconds reset_margin{1'000};  ///< waited beyond Reset, which has 1 s resolution
};

class RateLimiter {
 public:
  RateLimiter(std::shared_ptr<const ml::core::Clock> clock, Sleeper sleeper, RateLimiterOptions options = {});

  /// Waits until one more request fits in the current window, then counts it as in flight.
  void acquire();
  /// The answer to an acquired request arrived with these headers.
  void completed(const RateLimitHeaders& headers);
  /// The answer was 429: nothing more is sent until the window resets (+ margin).
  void throttled(const RateLimitHeaders& headers);
  /// The acquired request got no answer at all (connection failure).
  void abandoned();

  /// Requests still allowed in the current window, as far as this limiter knows.
  int remaining() const;
  int limit() const;
  /// Total time acquire() has spent waiting.
  std::chrono::milliseconds waited() const;

 private:
  void adopt(const RateLimitHeaders& headers, TimePoint now);

  std::shared_ptr<const ml::core::Clock> clock_;
  Sleeper sleeper_;
  RateLimiterOptions options_;
  mutable std::mutex mutex_;
  int limit_;
  int remaining_;
  int in_flight_ = 0;
  std::optional<TimePoint> window_end_;
  std::chrono::milliseconds waited_{0};
};

/// The process-wide limiter of `api_key` (real clock, real sleeps), created on first use.
std::shared_ptr<RateLimiter> shared_rate_limiter(const std::string& api_key);

}  // namespace ml::shipstation
