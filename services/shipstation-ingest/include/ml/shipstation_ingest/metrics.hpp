#pragma once
/// The ingest's Prometheus metrics (registered on the registry /metrics serves).
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <string_view>

namespace ml::shipstation_ingest {

class IngestMetrics {
 public:
  explicit IngestMetrics(prometheus::Registry& registry);

  void webhook_received() { webhooks_received_.Increment(); }
  /// `reason`: wrong_token, too_large, malformed, refused_url.
  void webhook_rejected(std::string_view reason);
  /// `outcome`: fetched, retry, failed.
  void fetch(std::string_view outcome);
  /// `outcome`: polled, skipped (another replica holds the lock), failed.
  void poll(std::string_view stream, std::string_view outcome);
  void published(std::size_t orders, std::size_t shipments);
  /// Records read so far by a stream's backfill, and whether it is still running.
  void backfill_progress(std::string_view stream, std::int64_t records, bool running);

 private:
  prometheus::Counter& webhooks_received_;
  prometheus::Family<prometheus::Counter>& webhooks_rejected_;
  prometheus::Family<prometheus::Counter>& fetches_;
  prometheus::Family<prometheus::Counter>& polls_;
  prometheus::Counter& orders_published_;
  prometheus::Counter& shipments_published_;
  prometheus::Family<prometheus::Gauge>& backfill_records_;
  prometheus::Family<prometheus::Gauge>& backfill_running_;
};

}  // namespace ml::shipstation_ingest
