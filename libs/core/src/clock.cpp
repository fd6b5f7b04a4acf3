#include "ml/core/clock.hpp"

// date.h parses seconds through a long double that g++ 12 wrongly reports as maybe-uninitialized.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>

#include <sstream>

namespace ml::core {

TimePoint ManualClock::now() const {
  std::lock_guard lock(mutex_);
  return now_;
}

void ManualClock::set(TimePoint t) {
  std::lock_guard lock(mutex_);
  now_ = t;
}

void ManualClock::advance(std::chrono::milliseconds by) {
  std::lock_guard lock(mutex_);
  now_ += by;
}

std::string format_rfc3339(TimePoint t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(t));
}

std::optional<TimePoint> parse_rfc3339(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::sys_time<std::chrono::nanoseconds> parsed;
  std::string rest;
  if (text.ends_with("Z") || text.ends_with("z")) {
    in >> date::parse("%FT%T", parsed);
    if (in.fail() || !(in >> rest) || (rest != "Z" && rest != "z") || in >> rest) return std::nullopt;
    return TimePoint(parsed);
  }
  in >> date::parse("%FT%T%Ez", parsed);
  if (in.fail() || in >> rest) return std::nullopt;
  return TimePoint(parsed);
}

}  // namespace ml::core
