#include "ml/shipstation_ingest/poll_window.hpp"

namespace ml::shipstation_ingest {

std::string_view to_string(Stream stream) {
  switch (stream) {
    case Stream::orders_modified:
      return "orders_modified";
    case Stream::shipments_created:
      return "shipments_created";
    case Stream::shipments_voided:
      return "shipments_voided";
    case Stream::fulfillments_created:
      return "fulfillments_created";
  }
  return "?";
}

std::optional<PlannedWindow> plan_window(std::optional<shipstation::TimePoint> watermark,
                                         shipstation::TimePoint sync_from, shipstation::TimePoint now,
                                         const PollTiming& timing) {
  PlannedWindow planned;
  if (watermark) {
    planned.window = shipstation::next_window(*watermark, now, timing.overlap, timing.settle);
  } else {
    planned.window = {sync_from, shipstation::window_end(now, timing.settle)};
    planned.backfill = true;
  }
  if (planned.window.end <= planned.window.start) return std::nullopt;
  return planned;
}

}  // namespace ml::shipstation_ingest
