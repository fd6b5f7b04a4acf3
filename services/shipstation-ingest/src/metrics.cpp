#include "ml/shipstation_ingest/metrics.hpp"

#include <string>

namespace ml::shipstation_ingest {
namespace {

prometheus::Family<prometheus::Counter>& counters(prometheus::Registry& r, const char* name, const char* help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(r);
}

prometheus::Family<prometheus::Gauge>& gauges(prometheus::Registry& r, const char* name, const char* help) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(r);
}

}  // namespace

IngestMetrics::IngestMetrics(prometheus::Registry& r)
    : webhooks_received_(counters(r, "shipstation_ingest_webhooks_received_total",
                                  "Webhook notifications accepted (duplicates included)")
                             .Add({})),
      webhooks_rejected_(
          counters(r, "shipstation_ingest_webhooks_rejected_total", "Webhook requests refused, by reason")),
      fetches_(counters(r, "shipstation_ingest_fetches_total", "Resource URL fetches, by outcome")),
      polls_(counters(r, "shipstation_ingest_polls_total", "Poll runs per stream, by outcome")),
      orders_published_(
          counters(r, "shipstation_ingest_orders_published_total", "New order versions published").Add({})),
      shipments_published_(
          counters(r, "shipstation_ingest_shipments_published_total", "New shipment versions published").Add({})),
      backfill_records_(gauges(r, "shipstation_ingest_backfill_records", "Records read by the first poll of a stream")),
      backfill_running_(gauges(r, "shipstation_ingest_backfill_running", "1 while a stream's backfill runs")) {}

void IngestMetrics::webhook_rejected(std::string_view reason) {
  webhooks_rejected_.Add({{"reason", std::string(reason)}}).Increment();
}

void IngestMetrics::fetch(std::string_view outcome) { fetches_.Add({{"outcome", std::string(outcome)}}).Increment(); }

void IngestMetrics::poll(std::string_view stream, std::string_view outcome) {
  polls_.Add({{"stream", std::string(stream)}, {"outcome", std::string(outcome)}}).Increment();
}

void IngestMetrics::published(std::size_t orders, std::size_t shipments) {
  orders_published_.Increment(static_cast<double>(orders));
  shipments_published_.Increment(static_cast<double>(shipments));
}

void IngestMetrics::backfill_progress(std::string_view stream, std::int64_t records, bool running) {
  backfill_records_.Add({{"stream", std::string(stream)}}).Set(static_cast<double>(records));
  backfill_running_.Add({{"stream", std::string(stream)}}).Set(running ? 1 : 0);
}

}  // namespace ml::shipstation_ingest
