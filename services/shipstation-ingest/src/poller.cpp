#include "ml/shipstation_ingest/poller.hpp"

namespace ml::shipstation_ingest {
namespace {

namespace ss = shipstation;

template <class Record>
ss::PageSink<Record> page_sink(const ss::Window& window, std::vector<Record> ReceiptBatch::*records,
                               const std::function<void(ReceiptBatch&&)>& store_page) {
  return [&window, records, &store_page](std::vector<Record>&& page) {
    if (page.empty()) return;
    ReceiptBatch batch{.source = messages::BatchSource::poll, .window = window};
    batch.*records = std::move(page);
    store_page(std::move(batch));
  };
}

std::size_t record_count(const ReceiptBatch& b) { return b.orders.size() + b.shipments.size() + b.fulfillments.size(); }

}  // namespace

Poller::Poller(IngestStore& store, ss::Client& client, PollerOptions options, const core::Clock& clock,
               IngestMetrics& metrics, core::Logger& log)
    : store_(store),
      client_(client),
      options_(std::move(options)),
      clock_(clock),
      metrics_(metrics),
      log_(log),
      lock_(store.pool(), options_.api_key_id) {}

PollOutcome Poller::run_once() {
  if (!lock_.try_acquire()) {
    for (const auto stream : kStreams) metrics_.poll(to_string(stream), "skipped");
    log_.debug("another replica polls this API key");
    return PollOutcome::locked_out;
  }
  for (const auto stream : kStreams) {
    std::expected<void, std::string> polled;
    try {
      polled = poll_stream(stream);
    } catch (const std::exception& e) {  // e.g. the database went away while storing a page
      polled = std::unexpected(e.what());
    }
    if (polled) continue;
    metrics_.poll(to_string(stream), "failed");
    log_.error("poll failed; the window is polled again next time",
               {{"stream", to_string(stream)}, {"error", polled.error()}});
  }
  lock_.release();
  return PollOutcome::polled;
}

std::expected<void, std::string> Poller::poll_stream(Stream stream) {
  const auto name = to_string(stream);
  const auto planned =
      plan_window(store_.watermark(options_.api_key_id, stream), options_.sync_from, clock_.now(), options_.timing);
  if (!planned) return {};
  const auto& window = planned->window;
  const bool backfill = planned->backfill;
  if (backfill)
    log_.info(
        "backfill started",
        {{"stream", name}, {"from", core::format_rfc3339(window.start)}, {"to", core::format_rfc3339(window.end)}});
  std::int64_t records = 0;
  const std::function<void(ReceiptBatch &&)> store_and_count = [&](ReceiptBatch&& page) {
    records += static_cast<std::int64_t>(record_count(page));
    store_page(std::move(page));
    if (!backfill) return;
    metrics_.backfill_progress(name, records, true);
    log_.info("backfill progress", {{"stream", name}, {"records", records}});
  };
  const auto summary = walk(stream, window, store_and_count);
  if (backfill) metrics_.backfill_progress(name, records, false);
  if (!summary)
    return std::unexpected(std::string(ss::to_string(summary.error().kind)) + ": " + summary.error().message);
  record_unreadable(stream, summary->poison);
  store_.set_watermark(options_.api_key_id, stream, window.end);
  metrics_.poll(name, "polled");
  log_.info(backfill ? "backfill finished" : "poll finished", {{"stream", name},
                                                               {"records", records},
                                                               {"requests", summary->requests},
                                                               {"watermark", core::format_rfc3339(window.end)}});
  return {};
}

ss::Result<ss::WalkSummary> Poller::walk(Stream stream, const ss::Window& window,
                                         const std::function<void(ReceiptBatch&&)>& store_page) {
  switch (stream) {
    case Stream::orders_modified:
      return client_.orders_modified(window, page_sink(window, &ReceiptBatch::orders, store_page));
    case Stream::shipments_created:
      return client_.shipments_created(window, page_sink(window, &ReceiptBatch::shipments, store_page));
    case Stream::shipments_voided:
      return client_.shipments_voided(window, page_sink(window, &ReceiptBatch::shipments, store_page));
    case Stream::fulfillments_created:
      return client_.fulfillments_created(window, page_sink(window, &ReceiptBatch::fulfillments, store_page));
  }
  return std::unexpected(ss::ClientError{ss::ErrorKind::client_error, 0, "unknown stream"});
}

void Poller::store_page(ReceiptBatch&& page) {
  auto lease = store_.pool().acquire();
  pqxx::work tx(*lease);
  const auto outcome = publish_batch(tx, store_, page, clock_);
  tx.commit();
  metrics_.published(outcome.orders_published, outcome.shipments_published);
  if (options_.after_commit) options_.after_commit();
}

void Poller::record_unreadable(Stream stream, const std::vector<ss::PoisonRecord>& poison) {
  if (poison.empty()) return;
  auto lease = store_.pool().acquire();
  pqxx::work tx(*lease);
  for (const auto& p : poison) {
    log_.error("a record ShipStation cannot render was left out",
               {{"stream", to_string(stream)}, {"list", p.list_target}, {"position", p.position}, {"error", p.error}});
    store_.record_skipped(tx, "poll:" + std::string(to_string(stream)), "unreadable",
                          p.list_target + " position " + std::to_string(p.position), p.error);
  }
  tx.commit();
}

}  // namespace ml::shipstation_ingest
