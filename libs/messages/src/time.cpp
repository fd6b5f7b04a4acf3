#include "ml/messages/time.hpp"

#include <cstdio>

namespace ml::messages {
namespace {

using namespace std::chrono;

// The whole years a UtcTime (signed 64-bit nanoseconds since 1970) can hold.
constexpr year kFirstUtcYear{1678};
constexpr year kLastUtcYear{2261};

// Reads exactly `count` digits at `pos`; -1 when any is not a digit.
long digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return -1;
  long value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> date_at_start(std::string_view text) {
  const long y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const Date date{year{static_cast<int>(y)}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  return date.ok() ? std::optional(date) : std::nullopt;
}

// Fractional seconds ".f{1,9}" starting at `pos`, as nanoseconds; stops before 'Z'.
std::optional<nanoseconds> fraction(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos] != '.') return nanoseconds{0};
  long value = 0;
  std::size_t count = 0;
  for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++count) value = value * 10 + (text[pos] - '0');
  if (count < 1 || count > 9) return std::nullopt;
  for (; count < 9; ++count) value *= 10;
  return nanoseconds{value};
}

}  // namespace

std::string format_utc(UtcTime time) {
  const auto day_start = floor<days>(time);
  const Date date{day_start};
  const hh_mm_ss clock{time - day_start};
  const long long ns = clock.subseconds().count();
  char text[48];
  int length = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02lld", static_cast<int>(date.year()),
                             static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                             static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                             static_cast<long long>(clock.seconds().count()));
  if (ns % 1'000'000 == 0)
    length += std::snprintf(text + length, sizeof text - length, ".%03lldZ", ns / 1'000'000);
  else if (ns % 1'000 == 0)
    length += std::snprintf(text + length, sizeof text - length, ".%06lldZ", ns / 1'000);
  else
    length += std::snprintf(text + length, sizeof text - length, ".%09lldZ", ns);
  return {text, static_cast<std::size_t>(length)};
}

std::optional<UtcTime> parse_utc(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  const auto date = date_at_start(text);
  const long h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
  if (date->year() < kFirstUtcYear || date->year() > kLastUtcYear) return std::nullopt;
  std::size_t pos = 19;
  const auto subseconds = fraction(text, pos);
  if (!subseconds || pos + 1 != text.size() || text[pos] != 'Z') return std::nullopt;
  return sys_days{*date} + hours{h} + minutes{m} + seconds{s} + *subseconds;
}

std::string format_date(Date date) {
  char text[16];
  const int length = std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                                   static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return {text, static_cast<std::size_t>(length)};
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_at_start(text);
}

}  // namespace ml::messages
