#include "ml/shipstation/rate_limiter.hpp"

#include <algorithm>
#include <map>
#include <thread>

namespace ml::shipstation {
namespace {

using std::chrono::milliseconds;

/// Two Reset readings this close describe the same server window (Reset has 1 s resolution).
constexpr milliseconds kSameWindowTolerance{2'000};

}  // namespace

Sleeper real_sleeper() {
  return [](milliseconds d) { std::this_thread::sleep_for(d); };
}

RateLimiter::RateLimiter(std::shared_ptr<const ml::core::Clock> clock, Sleeper sleeper, RateLimiterOptions options)
    : clock_(std::move(clock)),
      sleeper_(std::move(sleeper)),
      options_(options),
      limit_(options.limit),
      remaining_(options.limit) {}

void RateLimiter::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    const TimePoint now = clock_->now();
    // Reset has 1 s resolution, so the server's window may end up to the margin after it says.
    if (!window_end_ || now >= *window_end_ + options_.reset_margin) {
      // Assume a fresh window until a response tells where the server's window really ends.
      remaining_ = limit_;
      window_end_ = now + options_.window;
    }
    if (remaining_ > 0) {
      --remaining_;
      ++in_flight_;
      return;
    }
    const auto wait = std::chrono::ceil<milliseconds>(*window_end_ + options_.reset_margin - now);
    waited_ += wait;
    lock.unlock();
    sleeper_(wait);
    lock.lock();
  }
}

void RateLimiter::adopt(const RateLimitHeaders& headers, TimePoint now) {
  if (headers.limit && *headers.limit > 0) limit_ = *headers.limit;
  if (!headers.remaining) return;
  // Requests still in flight may not be counted by the server yet: keep them reserved.
  const int server_remaining = std::max(0, *headers.remaining - in_flight_);
  if (!headers.reset_seconds) {
    remaining_ = std::min(remaining_, server_remaining);
    return;
  }
  const TimePoint server_end = now + std::chrono::seconds(*headers.reset_seconds);
  const bool same_window = window_end_ && std::chrono::abs(server_end - *window_end_) <= kSameWindowTolerance;
  remaining_ = same_window ? std::min(remaining_, server_remaining) : server_remaining;
  window_end_ = server_end;
}

void RateLimiter::completed(const RateLimitHeaders& headers) {
  std::lock_guard lock(mutex_);
  in_flight_ = std::max(0, in_flight_ - 1);
  adopt(headers, clock_->now());
}

void RateLimiter::throttled(const RateLimitHeaders& headers) {
  std::lock_guard lock(mutex_);
  in_flight_ = std::max(0, in_flight_ - 1);
  const TimePoint now = clock_->now();
  if (headers.limit && *headers.limit > 0) limit_ = *headers.limit;
  remaining_ = 0;
  window_end_ = now + (headers.reset_seconds ? milliseconds(std::chrono::seconds(*headers.reset_seconds))
                                             : options_.window);
}

void RateLimiter::abandoned() {
  std::lock_guard lock(mutex_);
  in_flight_ = std::max(0, in_flight_ - 1);
}

int RateLimiter::remaining() const {
  std::lock_guard lock(mutex_);
  return remaining_;
}

int RateLimiter::limit() const {
  std::lock_guard lock(mutex_);
  return limit_;
}

milliseconds RateLimiter::waited() const {
  std::lock_guard lock(mutex_);
  return waited_;
}

std::shared_ptr<RateLimiter> shared_rate_limiter(const std::string& api_key) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<RateLimiter>> limiters;
  std::lock_guard lock(mutex);
  auto& slot = limiters[api_key];
  auto limiter = slot.lock();
  if (!limiter) {
    limiter = std::make_shared<RateLimiter>(std::make_shared<ml::core::SystemClock>(), real_sleeper());
    slot = limiter;
  }
  return limiter;
}

}  // namespace ml::shipstation
