#include "ml/shipstation/pacific_time.hpp"

#include <date/tz.h>

#include <cctype>
#include <optional>

namespace ml::shipstation {
namespace {

using std::chrono::nanoseconds;

const date::time_zone& pacific() {
  static const date::time_zone* zone = date::locate_zone("America/Los_Angeles");
  return *zone;
}

/// Reads exactly `width` digits at `pos`, advancing it.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<std::chrono::year_month_day> read_date(std::string_view text, std::size_t& pos) {
  const auto y = digits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return std::nullopt;
  const auto m = digits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) return std::nullopt;
  const auto d = digits(text, pos, 2);
  if (!d) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{*y}, std::chrono::month(static_cast<unsigned>(*m)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!day.ok()) return std::nullopt;
  return day;
}

/// "HH:mm:ss[.f{1,7}]" as a duration since midnight.
std::optional<nanoseconds> read_time_of_day(std::string_view text, std::size_t& pos) {
  const auto h = digits(text, pos, 2);
  if (!h || !expect(text, pos, ':')) return std::nullopt;
  const auto m = digits(text, pos, 2);
  if (!m || !expect(text, pos, ':')) return std::nullopt;
  const auto s = digits(text, pos, 2);
  if (!s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  nanoseconds since_midnight = std::chrono::hours(*h) + std::chrono::minutes(*m) + std::chrono::seconds(*s);
  if (expect(text, pos, '.')) {
    std::int64_t fraction = 0;
    std::size_t count = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
      if (++count > 7) return std::nullopt;
      fraction = fraction * 10 + (text[pos++] - '0');
    }
    if (count == 0) return std::nullopt;
    for (; count < 9; ++count) fraction *= 10;
    since_midnight += nanoseconds(fraction);
  }
  return since_midnight;
}

/// `first` is the earlier reading when the time is ambiguous (daylight time) and the offset
/// before the change when it falls in the spring-forward gap, which moves it forward past the gap.
TimePoint pacific_to_utc(date::local_time<nanoseconds> local) {
  const date::local_info info = pacific().get_info(date::floor<std::chrono::seconds>(local));
  return TimePoint(local.time_since_epoch() - info.first.offset);
}

std::string invalid(std::string_view text, std::string_view what) {
  return "invalid ShipStation time \"" + std::string(text) + "\": " + std::string(what);
}

}  // namespace

std::expected<PacificTime, std::string> parse_pacific(std::string_view text) {
  std::size_t pos = 0;
  const auto day = read_date(text, pos);
  if (!day) return std::unexpected(invalid(text, "expected yyyy-MM-dd"));
  // Beyond these years the nanosecond count since 1970 overflows.
  if (day->year() < std::chrono::year{1678} || day->year() > std::chrono::year{2261})
    return std::unexpected(invalid(text, "the year is outside 1678..2261"));
  nanoseconds since_midnight{0};
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ') return std::unexpected(invalid(text, "expected 'T' after the date"));
    ++pos;
    const auto t = read_time_of_day(text, pos);
    if (!t) return std::unexpected(invalid(text, "expected HH:mm:ss with at most 7 fraction digits"));
    since_midnight = *t;
  }
  const bool utc = expect(text, pos, 'Z');
  if (pos != text.size()) return std::unexpected(invalid(text, "unexpected trailing characters"));
  const nanoseconds since_epoch = std::chrono::sys_days(*day).time_since_epoch() + since_midnight;
  const TimePoint instant = utc ? TimePoint(since_epoch)
                                : pacific_to_utc(date::local_time<nanoseconds>(since_epoch));
  return PacificTime{std::string(text), instant};
}

std::expected<LocalDate, std::string> parse_local_date(std::string_view text) {
  std::size_t pos = 0;
  const auto day = read_date(text, pos);
  if (!day || (pos != text.size() && text[pos] != 'T' && text[pos] != ' ')) {
    return std::unexpected("invalid ShipStation date \"" + std::string(text) + "\": expected yyyy-MM-dd");
  }
  return LocalDate{std::string(text), *day};
}

std::string to_pacific_query(TimePoint utc) {
  const auto local = pacific().to_local(date::floor<std::chrono::seconds>(utc));
  return date::format("%Y-%m-%d %H:%M:%S", local);
}

bool dst_change_between(TimePoint from, TimePoint to) {
  const auto begin = date::floor<std::chrono::seconds>(from);
  const date::sys_info info = pacific().get_info(begin);
  return info.end <= date::floor<std::chrono::seconds>(to);
}

}  // namespace ml::shipstation
