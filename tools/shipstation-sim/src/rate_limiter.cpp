#include "ml/shipstation_sim/rate_limiter.hpp"

namespace ml::shipstation_sim {

RateLimiter::RateLimiter(int limit, std::chrono::milliseconds window,
                         std::shared_ptr<const ml::core::Clock> clock)
    : limit_(limit), window_(window), clock_(std::move(clock)) {}

void RateLimiter::configure(int limit, std::chrono::milliseconds window) {
  std::lock_guard lock(mutex_);
  limit_ = limit;
  window_ = window;
  windows_.clear();
}

RateLimiter::Window& RateLimiter::current(const std::string& credential) {
  const auto now = clock_->now();
  auto [it, inserted] = windows_.try_emplace(credential, Window{now, 0});
  if (now >= it->second.start + window_ || now < it->second.start) it->second = Window{now, 0};
  return it->second;
}

RateDecision RateLimiter::describe(const Window& window, bool allowed) const {
  const auto left = window.start + window_ - clock_->now();
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(left).count();
  return {allowed, limit_, limit_ - window.used, static_cast<int>((millis + 999) / 1000)};
}

RateDecision RateLimiter::take(const std::string& credential) {
  std::lock_guard lock(mutex_);
  Window& window = current(credential);
  if (window.used >= limit_) return describe(window, false);
  ++window.used;
  return describe(window, true);
}

RateDecision RateLimiter::peek(const std::string& credential) {
  std::lock_guard lock(mutex_);
  return describe(current(credential), true);
}

}  // namespace ml::shipstation_sim
