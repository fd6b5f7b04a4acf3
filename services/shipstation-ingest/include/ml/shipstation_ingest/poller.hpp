#pragma once
/// Polls ShipStation for what webhooks miss: orders by modifyDate (with an overlap window),
/// labels by create date and by void date, and fulfillments. Only the replica holding the API
/// key's PollLock polls. Each page is stored as one receipt batch in its own transaction; a
/// stream's watermark moves to the window's end only after the whole window was stored. The first
/// run of a stream (no watermark) backfills from the sync-from date, with progress in logs and
/// metrics.
#include <expected>
#include <memory>
#include <string>

#include "ml/core/clock.hpp"
#include "ml/core/log.hpp"
#include "ml/shipstation/client.hpp"
#include "ml/shipstation_ingest/batch_publisher.hpp"
#include "ml/shipstation_ingest/ingest_store.hpp"
#include "ml/shipstation_ingest/metrics.hpp"
#include "ml/shipstation_ingest/poll_lock.hpp"
#include "ml/shipstation_ingest/poll_window.hpp"

namespace ml::shipstation_ingest {

struct PollerOptions {
  std::string api_key_id{};            ///< api_key_id(ML_SHIPSTATION_API_KEY)
  shipstation::TimePoint sync_from{};  ///< where each stream's backfill starts
  PollTiming timing{};
  std::function<void()> after_commit{};  ///< e.g. OutboxRelayLoop::poke
};

enum class PollOutcome {
  polled,      ///< every stream was walked (some may have failed: see the log and metrics)
  locked_out,  ///< another replica holds the API key's poll lock; nothing was requested
};

class Poller {
 public:
  Poller(IngestStore& store, shipstation::Client& client, PollerOptions options, const core::Clock& clock,
         IngestMetrics& metrics, core::Logger& log);

  /// One poll of every stream, if this replica gets the lock.
  PollOutcome run_once();

 private:
  /// Walks one stream; the error says why its watermark stayed where it was.
  std::expected<void, std::string> poll_stream(Stream stream);
  shipstation::Result<shipstation::WalkSummary> walk(Stream stream, const shipstation::Window& window,
                                                     const std::function<void(ReceiptBatch&&)>& store_page);
  void store_page(ReceiptBatch&& page);
  void record_unreadable(Stream stream, const std::vector<shipstation::PoisonRecord>& poison);

  IngestStore& store_;
  shipstation::Client& client_;
  PollerOptions options_;
  const core::Clock& clock_;
  IngestMetrics& metrics_;
  core::Logger& log_;
  PollLock lock_;
};

}  // namespace ml::shipstation_ingest
