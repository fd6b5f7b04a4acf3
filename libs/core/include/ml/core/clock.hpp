#pragma once
/// An injectable UTC clock, so time-dependent rules are tested without sleeping.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace ml::core {

using TimePoint = std::chrono::system_clock::time_point;

/// Source of the current UTC time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

/// The real system clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that only moves when told to; for tests and simulations.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override;
  void set(TimePoint t);
  void advance(std::chrono::milliseconds by);

 private:
  mutable std::mutex mutex_;
  TimePoint now_;
};

/// "2026-11-26T15:04:05.123Z" (UTC, milliseconds).
std::string format_rfc3339(TimePoint t);
/// Parses RFC 3339 with "Z" or a ±hh:mm offset and an optional fraction; nullopt when malformed.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

}  // namespace ml::core
