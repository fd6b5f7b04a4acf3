#pragma once
/// QuickBooks Desktop's text and time conventions: ISO-8859-1 storage, local times with an offset.
#include <optional>
#include <string>
#include <string_view>

#include "ml/core/clock.hpp"

namespace ml::qbwc_sim {

/// Keeps what QuickBooks can store (ISO-8859-1) and turns every other character into '?'.
/// Input and output are UTF-8; malformed UTF-8 bytes also become '?'.
std::string to_latin1_repertoire(std::string_view utf8);

/// Local time with the company's offset, as QuickBooks returns it: "2024-05-01T10:15:00-05:00".
std::string format_qb_datetime(core::TimePoint t, int utc_offset_minutes);
/// The company's local date: "2024-05-01".
std::string format_qb_date(core::TimePoint t, int utc_offset_minutes);
/// Parses a DATETIMETYPE: "YYYY-MM-DD", "YYYY-MM-DDThh:mm:ss", optionally followed by ±hh:mm.
/// Without an offset the time is the company's local time; a bare date means its first second,
/// or its last second when `end_of_day`. nullopt when malformed.
std::optional<core::TimePoint> parse_qb_datetime(std::string_view text, int utc_offset_minutes,
                                                 bool end_of_day = false);
/// True for a well-formed, existing "YYYY-MM-DD".
bool is_qb_date(std::string_view text);

/// ASCII case-insensitive equality, as QuickBooks compares names.
bool iequals(std::string_view a, std::string_view b);
/// ASCII lower-case copy.
std::string to_lower(std::string_view text);

}  // namespace ml::qbwc_sim
