#include "ml/shipstation_sim/pacific_time.hpp"

#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <charconv>

namespace ml::shipstation_sim {

namespace {

using namespace std::chrono;
using Ticks = duration<std::int64_t, std::ratio<1, 10'000'000>>;  // .NET's 100 ns resolution

const date::time_zone* pacific() {
  static const date::time_zone* zone = date::locate_zone("America/Los_Angeles");
  return zone;
}

date::local_time<Ticks> to_pacific(ml::core::TimePoint t) {
  return pacific()->to_local(floor<Ticks>(t));
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  bool accept(char c) {
    if (done() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool accept_any(std::string_view chars) {
    if (done() || chars.find(text_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }
  std::optional<int> number(std::size_t digits) {
    if (text_.size() - pos_ < digits) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + digits, value);
    if (ec != std::errc{} || end != text_.data() + pos_ + digits) return std::nullopt;
    pos_ += digits;
    return value;
  }
  Ticks fraction() {
    Ticks value{0};
    std::int64_t scale = 1'000'000;
    while (!done() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      value += Ticks{(text_[pos_++] - '0') * scale};
      scale /= 10;
    }
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<date::local_time<Ticks>> parse_local(Cursor& in) {
  auto y = in.number(4);
  if (!y || !in.accept('-')) return std::nullopt;
  auto m = in.number(2);
  if (!m || !in.accept('-')) return std::nullopt;
  auto d = in.number(2);
  if (!d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month(static_cast<unsigned>(*m)),
                                 date::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  date::local_time<Ticks> local{date::local_days{ymd}.time_since_epoch()};
  if (in.done() || !in.accept_any(" T")) return local;
  auto hh = in.number(2);
  if (!hh || *hh > 23 || !in.accept(':')) return std::nullopt;
  auto mm = in.number(2);
  if (!mm || *mm > 59) return std::nullopt;
  int ss = 0;
  if (in.accept(':')) {
    auto s = in.number(2);
    if (!s || *s > 59) return std::nullopt;
    ss = *s;
  }
  local += hours{*hh} + minutes{*mm} + seconds{ss};
  if (in.accept('.')) local += in.fraction();
  return local;
}

}  // namespace

std::string pacific_timestamp(ml::core::TimePoint t) {
  return date::format("%FT%T", to_pacific(t));
}

std::string pacific_timestamp_trimmed(ml::core::TimePoint t) {
  std::string text = pacific_timestamp(t);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string pacific_date(ml::core::TimePoint t) { return date::format("%F", to_pacific(t)); }

ml::core::TimePoint pacific_midnight(ml::core::TimePoint t) {
  const auto day = floor<date::days>(to_pacific(t));
  return ml::core::TimePoint(pacific()->to_sys(day, date::choose::earliest));
}

std::optional<ml::core::TimePoint> parse_query_time(std::string_view text) {
  Cursor in(text);
  auto local = parse_local(in);
  if (!local) return std::nullopt;
  if (in.done()) return ml::core::TimePoint(pacific()->to_sys(*local, date::choose::earliest));
  if (in.accept_any("Zz") && in.done()) return ml::core::TimePoint(local->time_since_epoch());
  const bool minus = in.accept('-');
  if (!minus && !in.accept('+')) return std::nullopt;
  auto oh = in.number(2);
  if (!oh || !in.accept(':')) return std::nullopt;
  auto om = in.number(2);
  if (!om || !in.done()) return std::nullopt;
  const auto offset = hours{*oh} + minutes{*om};
  const auto utc = local->time_since_epoch() - (minus ? -offset : offset);
  return ml::core::TimePoint(duration_cast<ml::core::TimePoint::duration>(utc));
}

}  // namespace ml::shipstation_sim
