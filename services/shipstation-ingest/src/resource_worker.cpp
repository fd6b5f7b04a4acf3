#include "ml/shipstation_ingest/resource_worker.hpp"

#include <algorithm>

namespace ml::shipstation_ingest {

namespace ss = shipstation;

bool is_transient(ss::ErrorKind kind) {
  switch (kind) {
    case ss::ErrorKind::rate_limited:
    case ss::ErrorKind::server_error:
    case ss::ErrorKind::transport:
    case ss::ErrorKind::unauthorized:  // credentials may be fixed while the notification waits
      return true;
    case ss::ErrorKind::not_found:
    case ss::ErrorKind::client_error:
    case ss::ErrorKind::bad_response:
    case ss::ErrorKind::refused_url:
      return false;
  }
  return false;
}

std::chrono::milliseconds retry_delay(int attempts, std::chrono::milliseconds backoff, std::chrono::milliseconds max) {
  auto delay = backoff;
  for (int i = 1; i < attempts && delay < max; ++i) delay *= 2;
  return std::min(delay, max);
}

ResourceWorker::ResourceWorker(IngestStore& store, ss::Client& client, WorkerOptions options, const core::Clock& clock,
                               IngestMetrics& metrics, core::Logger& log)
    : store_(store), client_(client), options_(std::move(options)), clock_(clock), metrics_(metrics), log_(log) {}

ss::Result<ss::WalkSummary> ResourceWorker::fetch(const ClaimedNotification& n, ReceiptBatch& batch) {
  if (n.kind == ResourceKind::orders)
    return client_.orders_at(n.resource_url, [&batch](std::vector<ss::Order>&& page) {
      std::move(page.begin(), page.end(), std::back_inserter(batch.orders));
    });
  return client_.shipments_at(n.resource_url, [&batch](std::vector<ss::Shipment>&& page) {
    std::move(page.begin(), page.end(), std::back_inserter(batch.shipments));
  });
}

bool ResourceWorker::run_once() {
  const auto claimed = store_.claim_due(options_.lease);
  if (!claimed) return false;
  ReceiptBatch batch{.source = messages::BatchSource::webhook,
                     .resource_type = claimed->resource_type,
                     .resource_url = claimed->resource_url};
  auto summary = fetch(*claimed, batch);
  if (!summary) {
    failed(*claimed, summary.error());
    return true;
  }
  batch.unreadable = summary->poison;
  auto lease = store_.pool().acquire();
  pqxx::work tx(*lease);
  const auto outcome = publish_batch(tx, store_, batch, clock_);
  store_.mark_fetched(tx, claimed->id, outcome.batch_id);
  tx.commit();
  metrics_.fetch("fetched");
  metrics_.published(outcome.orders_published, outcome.shipments_published);
  log_.info("webhook resource stored", {{"resource_url", claimed->resource_url},
                                        {"batch_id", outcome.batch_id},
                                        {"records", summary->records},
                                        {"orders_published", outcome.orders_published},
                                        {"shipments_published", outcome.shipments_published},
                                        {"skipped", outcome.skipped}});
  if (options_.after_commit) options_.after_commit();
  return true;
}

void ResourceWorker::failed(const ClaimedNotification& n, const ss::ClientError& error) {
  const std::string text = std::string(ss::to_string(error.kind)) + ": " + error.message;
  if (is_transient(error.kind) && n.attempts < options_.max_attempts) {
    const auto delay = retry_delay(n.attempts, options_.retry_backoff, options_.max_backoff);
    metrics_.fetch("retry");
    log_.warn("webhook resource fetch failed, will retry", {{"resource_url", n.resource_url},
                                                            {"attempt", n.attempts},
                                                            {"retry_in_ms", static_cast<std::int64_t>(delay.count())},
                                                            {"error", text}});
    store_.retry_later(n.id, text, delay);
    return;
  }
  metrics_.fetch("failed");
  log_.error("webhook resource fetch failed for good",
             {{"resource_url", n.resource_url}, {"attempts", n.attempts}, {"error", text}});
  store_.give_up(n.id, text);
}

}  // namespace ml::shipstation_ingest
