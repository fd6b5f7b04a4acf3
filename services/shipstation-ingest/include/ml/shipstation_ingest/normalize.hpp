#pragma once
/// ShipStation records → the messages the reconciler reads, and the keys that say whether a
/// record is a version already published.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "ml/messages/shipstation.hpp"
#include "ml/shipstation/models.hpp"

namespace ml::shipstation_ingest {

/// An order as `ss.order.changed`; the error says which field makes it unpublishable
/// ("order 123: modifyDate is missing").
std::expected<messages::SsOrderChanged, std::string> order_message(const shipstation::Order& order,
                                                                   std::string_view batch_id);
/// A label as `ss.shipment.changed` (source `label`).
std::expected<messages::SsShipmentChanged, std::string> shipment_message(const shipstation::Shipment& shipment,
                                                                         std::string_view batch_id);
/// An order marked as shipped as `ss.shipment.changed` (source `fulfillment`).
std::expected<messages::SsShipmentChanged, std::string> fulfillment_message(const shipstation::Fulfillment& fulfillment,
                                                                            std::string_view batch_id);

/// One version of an order: its id and modifyDate (nanoseconds since the epoch, UTC).
struct OrderVersion {
  std::int64_t order_id = 0;
  std::int64_t modify_ns = 0;
  bool operator==(const OrderVersion&) const = default;
};
/// One version of a shipment: created, or voided.
struct ShipmentVersion {
  std::string source;  ///< "label" or "fulfillment"
  std::int64_t shipment_id = 0;
  bool voided = false;
  bool operator==(const ShipmentVersion&) const = default;
};

OrderVersion version_of(const messages::SsOrderChanged& order);
ShipmentVersion version_of(const messages::SsShipmentChanged& shipment);

}  // namespace ml::shipstation_ingest
