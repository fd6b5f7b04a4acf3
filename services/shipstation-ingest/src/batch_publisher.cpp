#include "ml/shipstation_ingest/batch_publisher.hpp"

#include "ml/core/ids.hpp"
#include "ml/service/publishing.hpp"

namespace ml::shipstation_ingest {
namespace {

namespace msg = messages;

msg::EnvelopeHeader order_flow(std::int64_t order_id, const core::Clock& clock) {
  auto header = service::start_flow(clock);
  header.correlation_id = "order-" + std::to_string(order_id);
  return header;
}

class BatchWriter {
 public:
  BatchWriter(pqxx::work& tx, IngestStore& store, const core::Clock& clock) : tx_(tx), store_(store), clock_(clock) {
    outcome_.batch_id = core::new_uuid();
    received_.batch_id = outcome_.batch_id;
  }

  void order(const shipstation::Order& order) {
    ++received_.orders_fetched;
    auto m = order_message(order, outcome_.batch_id);
    if (!m) return skip("order", std::to_string(order.order_id), m.error());
    if (!store_.claim_version(tx_, version_of(*m), m->modify_date_raw, outcome_.batch_id)) return;
    service::publish(tx_, store_.schema(), *m, order_flow(m->order_id, clock_));
    received_.order_ids.push_back(m->order_id);
    ++outcome_.orders_published;
  }

  void shipment(const std::expected<msg::SsShipmentChanged, std::string>& m, std::string_view kind, std::int64_t id) {
    ++received_.shipments_fetched;
    if (!m) return skip(kind, std::to_string(id), m.error());
    if (!store_.claim_version(tx_, version_of(*m), outcome_.batch_id)) return;
    service::publish(tx_, store_.schema(), *m, order_flow(m->order_id, clock_));
    received_.shipment_ids.push_back(m->shipment_id);
    ++outcome_.shipments_published;
  }

  void skip(std::string_view kind, std::optional<std::string> id, const std::string& reason) {
    store_.record_skipped(tx_, outcome_.batch_id, kind, std::move(id), reason);
    ++outcome_.skipped;
  }

  BatchOutcome finish(const ReceiptBatch& batch) {
    received_.source = batch.source;
    received_.resource_type = batch.resource_type;
    received_.resource_url = batch.resource_url;
    if (batch.window) {
      received_.window_start = std::chrono::time_point_cast<std::chrono::nanoseconds>(batch.window->start);
      received_.window_end = std::chrono::time_point_cast<std::chrono::nanoseconds>(batch.window->end);
    }
    auto header = service::start_flow(clock_);
    header.correlation_id = outcome_.batch_id;
    service::publish(tx_, store_.schema(), received_, header);
    return outcome_;
  }

  const std::string& batch_id() const { return outcome_.batch_id; }

 private:
  pqxx::work& tx_;
  IngestStore& store_;
  const core::Clock& clock_;
  BatchOutcome outcome_;
  msg::SsBatchReceived received_;
};

}  // namespace

BatchOutcome publish_batch(pqxx::work& tx, IngestStore& store, const ReceiptBatch& batch, const core::Clock& clock) {
  BatchWriter writer(tx, store, clock);
  for (const auto& order : batch.orders) writer.order(order);
  for (const auto& s : batch.shipments)
    writer.shipment(shipment_message(s, writer.batch_id()), "shipment", s.shipment_id);
  for (const auto& f : batch.fulfillments)
    writer.shipment(fulfillment_message(f, writer.batch_id()), "fulfillment", f.fulfillment_id);
  for (const auto& p : batch.unreadable)
    writer.skip("unreadable", p.list_target + " position " + std::to_string(p.position), p.error);
  return writer.finish(batch);
}

}  // namespace ml::shipstation_ingest
