#pragma once
/// Fetches the resource_url of each stored notification through the client (and so through the
/// API key's shared rate limiter) and stores what it lists as one receipt batch. A transient
/// failure (429 storm, 5xx, no connection) is retried later with doubling backoff; a permanent
/// one (not found, refused, unauthorized after the attempts) marks the notification failed.
#include <chrono>
#include <functional>

#include "ml/core/clock.hpp"
#include "ml/core/log.hpp"
#include "ml/shipstation/client.hpp"
#include "ml/shipstation_ingest/batch_publisher.hpp"
#include "ml/shipstation_ingest/ingest_store.hpp"
#include "ml/shipstation_ingest/metrics.hpp"

namespace ml::shipstation_ingest {

struct WorkerOptions {
  int max_attempts = 10;
  std::chrono::milliseconds retry_backoff{30'000};  ///< doubled per attempt, at most max_backoff
  std::chrono::milliseconds max_backoff{3'600'000};
  std::chrono::milliseconds lease{600'000};  ///< a claimed notification is hidden from other workers this long
  std::function<void()> after_commit{};      ///< e.g. OutboxRelayLoop::poke
};

/// Whether a failed fetch is worth repeating.
bool is_transient(shipstation::ErrorKind kind);
/// The wait before attempt `attempts + 1`: backoff · 2^(attempts − 1), at most `max`.
std::chrono::milliseconds retry_delay(int attempts, std::chrono::milliseconds backoff, std::chrono::milliseconds max);

class ResourceWorker {
 public:
  ResourceWorker(IngestStore& store, shipstation::Client& client, WorkerOptions options, const core::Clock& clock,
                 IngestMetrics& metrics, core::Logger& log);

  /// Handles one due notification; false when none was due.
  bool run_once();

 private:
  shipstation::Result<shipstation::WalkSummary> fetch(const ClaimedNotification& n, ReceiptBatch& batch);
  void failed(const ClaimedNotification& n, const shipstation::ClientError& error);

  IngestStore& store_;
  shipstation::Client& client_;
  WorkerOptions options_;
  const core::Clock& clock_;
  IngestMetrics& metrics_;
  core::Logger& log_;
};

}  // namespace ml::shipstation_ingest
