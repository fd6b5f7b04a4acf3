#include "ml/qbxml/datetime.hpp"

#include <charconv>
#include <cstdio>
#include <optional>

namespace ml::qbxml {
namespace {

using namespace std::chrono;

// Reads exactly `width` digits at text[pos].
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + width, value);
  if (ec != std::errc{} || end != text.data() + pos + width) return std::nullopt;
  return value;
}

bool at(std::string_view text, std::size_t pos, char c) { return pos < text.size() && text[pos] == c; }

std::string invalid(std::string_view text, std::string_view expected) {
  return "'" + std::string(text) + "' is not a " + std::string(expected);
}

}  // namespace

std::expected<year_month_day, std::string> parse_date(std::string_view text) {
  auto y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (!y || !m || !d || !at(text, 4, '-') || !at(text, 7, '-') || text.size() != 10)
    return std::unexpected(invalid(text, "date (YYYY-MM-DD)"));
  year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::unexpected(invalid(text, "valid calendar date"));
  return date;
}

std::string format_date(year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::expected<LocalDateTime, std::string> LocalDateTime::parse(std::string_view text) {
  constexpr std::string_view kExpected = "date-time (YYYY-MM-DDThh:mm:ss[+hh:mm])";
  if (text.size() < 19 || text[10] != 'T') return std::unexpected(invalid(text, kExpected));
  auto date = parse_date(text.substr(0, 10));
  auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!date || !h || !mi || !s || !at(text, 13, ':') || !at(text, 16, ':'))
    return std::unexpected(invalid(text, kExpected));
  std::string_view offset = text.substr(19);
  bool offset_ok = offset.empty() || (offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') &&
                                      digits(offset, 1, 2) && offset[3] == ':' && digits(offset, 4, 2));
  if (!offset_ok || *h > 23 || *mi > 59 || *s > 59) return std::unexpected(invalid(text, kExpected));
  return LocalDateTime{*date, hours{*h} + minutes{*mi} + seconds{*s}};
}

std::string LocalDateTime::to_string() const {
  hh_mm_ss<seconds> t{time_of_day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(t.hours().count()),
                static_cast<int>(t.minutes().count()), static_cast<int>(t.seconds().count()));
  return format_date(date) + buf;
}

LocalDateTime LocalDateTime::plus_seconds(long long n) const {
  auto instant = sys_days{date} + time_of_day + seconds{n};
  auto day_start = floor<days>(instant);
  return LocalDateTime{year_month_day{day_start}, instant - day_start};
}

std::expected<LocalDateTime, std::string> from_modified_after(std::string_view time_modified) {
  auto parsed = LocalDateTime::parse(time_modified);
  if (!parsed) return std::unexpected("TimeModified " + parsed.error());
  return parsed->plus_seconds(1);
}

}  // namespace ml::qbxml
