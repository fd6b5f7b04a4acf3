#pragma once
/// ShipStation V1 speaks US Pacific wall-clock time without an offset (PST in winter, PDT in
/// summer). These functions convert it to and from UTC with the system tz database.
#include <chrono>
#include <expected>
#include <string>
#include <string_view>

#include "ml/core/clock.hpp"

namespace ml::shipstation {

using ml::core::TimePoint;

/// A Pacific timestamp as received: the converted UTC instant and the original text.
struct PacificTime {
  std::string raw;  ///< e.g. "2015-08-17T09:24:16.4800000"
  TimePoint utc;
};

/// A calendar date as received (ship dates): the day and the original text.
struct LocalDate {
  std::string raw;  ///< e.g. "2015-07-02" or "2020-06-19T00:00:00.0000000"
  std::chrono::year_month_day day;
};

/// Parses "yyyy-MM-ddTHH:mm:ss[.f{0,7}]", "yyyy-MM-dd HH:mm:ss" or a bare date "yyyy-MM-dd"
/// (midnight) as America/Los_Angeles wall-clock time. A time in the fall-back hour (ambiguous)
/// is the earlier instant (PDT); a time in the spring-forward gap (non-existent) is shifted
/// forward by the gap (02:30 → 03:30 PDT). A trailing "Z" (seen only in documentation examples)
/// means UTC. Years outside 1678..2261 (beyond a nanosecond clock) are refused. The error names the
/// text and what is wrong with it.
std::expected<PacificTime, std::string> parse_pacific(std::string_view text);

/// The date part of "yyyy-MM-dd" or "yyyy-MM-ddT…" (time ignored).
std::expected<LocalDate, std::string> parse_local_date(std::string_view text);

/// Pacific wall-clock time of `utc` as the API expects in query strings: "yyyy-MM-dd HH:mm:ss"
/// (fractions truncated).
std::string to_pacific_query(TimePoint utc);

/// True when a Pacific daylight-saving change happens in [from, to].
bool dst_change_between(TimePoint from, TimePoint to);

}  // namespace ml::shipstation
