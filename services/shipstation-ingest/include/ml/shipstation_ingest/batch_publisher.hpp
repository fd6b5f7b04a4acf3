#pragma once
/// One receipt batch (a webhook resource, or one poll page) into the outbox: every record
/// version not published before, and one `ss.batch.received` listing what was published.
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/shipstation/models.hpp"
#include "ml/shipstation_ingest/ingest_store.hpp"

namespace ml::shipstation_ingest {

struct ReceiptBatch {
  messages::BatchSource source = messages::BatchSource::poll;
  std::optional<std::string> resource_type{}, resource_url{};  ///< webhook batches
  std::optional<shipstation::Window> window{};                 ///< poll batches
  std::vector<shipstation::Order> orders{};
  std::vector<shipstation::Shipment> shipments{};
  std::vector<shipstation::Fulfillment> fulfillments{};
  std::vector<shipstation::PoisonRecord> unreadable{};  ///< records the server could not render

  bool empty() const { return orders.empty() && shipments.empty() && fulfillments.empty() && unreadable.empty(); }
};

struct BatchOutcome {
  std::string batch_id;
  std::size_t orders_published = 0;
  std::size_t shipments_published = 0;
  std::size_t skipped = 0;  ///< records that could not be published (kept in skipped_records)
};

/// Writes `batch` within `tx` (nothing is visible unless it commits).
BatchOutcome publish_batch(pqxx::work& tx, IngestStore& store, const ReceiptBatch& batch, const core::Clock& clock);

}  // namespace ml::shipstation_ingest
