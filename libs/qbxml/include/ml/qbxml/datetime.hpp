#pragma once
/// QuickBooks local date-times. QuickBooks reports TimeModified with a UTC offset that is wrong
/// during DST and accepts a local time without offset, so we only ever send the wall clock.
#include <chrono>
#include <compare>
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbxml {

/// A wall-clock date and time in the QuickBooks company's local time, without an offset.
struct LocalDateTime {
  std::chrono::year_month_day date{};
  std::chrono::seconds time_of_day{0};

  /// Parses "YYYY-MM-DDThh:mm:ss" with an optional "±hh:mm" offset, which is ignored
  /// (it is QuickBooks' own, possibly DST-wrong, offset of that same wall clock).
  static std::expected<LocalDateTime, std::string> parse(std::string_view text);

  /// "YYYY-MM-DDThh:mm:ss", the form QuickBooks accepts in FromModifiedDate/ToModifiedDate.
  std::string to_string() const;

  LocalDateTime plus_seconds(long long seconds) const;

  auto operator<=>(const LocalDateTime&) const = default;
};

/// The FromModifiedDate that continues after a record whose TimeModified was `time_modified`
/// (QuickBooks' text, stored verbatim): its wall clock plus one second, since FromModifiedDate is
/// inclusive.
std::expected<LocalDateTime, std::string> from_modified_after(std::string_view time_modified);

/// Parses a qbXML DATETYPE "YYYY-MM-DD".
std::expected<std::chrono::year_month_day, std::string> parse_date(std::string_view text);

/// Formats a date as qbXML DATETYPE "YYYY-MM-DD".
std::string format_date(std::chrono::year_month_day date);

}  // namespace ml::qbxml
