#pragma once
/// Which time window a poll of one stream asks for.
#include <chrono>
#include <optional>
#include <string_view>

#include "ml/shipstation/client.hpp"

namespace ml::shipstation_ingest {

/// The four lists the poller walks, each with its own watermark.
enum class Stream { orders_modified, shipments_created, shipments_voided, fulfillments_created };
inline constexpr Stream kStreams[] = {Stream::orders_modified, Stream::shipments_created, Stream::shipments_voided,
                                      Stream::fulfillments_created};
std::string_view to_string(Stream stream);

struct PollTiming {
  std::chrono::minutes overlap{10};  ///< re-read before the watermark (late writes, clock skew)
  std::chrono::seconds settle{60};   ///< leave the last moments alone (writes still landing)
};

struct PlannedWindow {
  shipstation::Window window;
  bool backfill = false;  ///< first run of the stream: from the sync-from date, no overlap
};

/// The window of the next poll: from `sync_from` when the stream has no watermark yet (the
/// backfill), else shipstation::next_window(watermark, now, overlap, settle); both end at
/// shipstation::window_end(now, settle). nullopt when the window would be empty (its end is not
/// after its start).
std::optional<PlannedWindow> plan_window(std::optional<shipstation::TimePoint> watermark,
                                         shipstation::TimePoint sync_from, shipstation::TimePoint now,
                                         const PollTiming& timing);

}  // namespace ml::shipstation_ingest
