#pragma once
/// The two time shapes messages carry: UTC instants ("2026-11-26T15:04:05.123Z") and calendar dates.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ml::messages {

/// An instant in UTC, nanosecond-exact so ShipStation's 7 fractional digits survive.
using UtcTime = std::chrono::sys_time<std::chrono::nanoseconds>;
/// A calendar date without time or zone (ShipStation shipDate, QuickBooks TxnDate).
using Date = std::chrono::year_month_day;

/// RFC 3339 in UTC with 3, 6 or 9 fractional digits, whichever is exact: "2026-11-26T15:04:05.123Z".
std::string format_utc(UtcTime time);
/// Parses "YYYY-MM-DDThh:mm:ss[.f{1,9}]Z"; empty when the text is not such an instant or its year
/// is outside 1678..2261, the years a UtcTime can hold.
std::optional<UtcTime> parse_utc(std::string_view text);

/// "YYYY-MM-DD".
std::string format_date(Date date);
/// Parses "YYYY-MM-DD"; empty for other text or a day that does not exist.
std::optional<Date> parse_date(std::string_view text);

}  // namespace ml::messages
