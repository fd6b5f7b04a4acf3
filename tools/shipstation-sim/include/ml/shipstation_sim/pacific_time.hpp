#pragma once
/// ShipStation V1 speaks America/Los_Angeles wall-clock time without an offset (PST in winter,
/// PDT in summer). These convert between that and UTC instants.
#include <optional>
#include <string>
#include <string_view>

#include "ml/core/clock.hpp"

namespace ml::shipstation_sim {

/// "2026-03-08T01:59:59.1234567": Pacific, 7 fractional digits, no offset (order/shipment dates).
std::string pacific_timestamp(ml::core::TimePoint t);
/// "2015-07-16T14:00:34.823": Pacific with trailing fractional zeros dropped (item and store dates).
std::string pacific_timestamp_trimmed(ml::core::TimePoint t);
/// "2026-03-08": the Pacific calendar date (shipDate, holdUntilDate).
std::string pacific_date(ml::core::TimePoint t);
/// Midnight Pacific of the instant's Pacific date.
ml::core::TimePoint pacific_midnight(ml::core::TimePoint t);

/// A query-string date as clients send it: Pacific "yyyy-MM-dd HH:mm:ss" (or with "T", a
/// fraction, or date-only), or with an explicit "Z"/±hh:mm offset. An ambiguous Pacific time
/// (fall-back hour) means the earlier instant; a non-existent one (spring-forward gap) the
/// instant the clocks jumped. nullopt when malformed.
std::optional<ml::core::TimePoint> parse_query_time(std::string_view text);

}  // namespace ml::shipstation_sim
