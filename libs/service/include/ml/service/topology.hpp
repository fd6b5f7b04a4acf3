#pragma once
/// Every queue of every service and what it is bound to: the one place queue names live.
#include "ml/bus/topology.hpp"

namespace ml::service {

namespace queue {
inline constexpr const char* reconciler_shipstation = "reconciler.shipstation";
inline constexpr const char* reconciler_quickbooks = "reconciler.quickbooks";
inline constexpr const char* reconciler_alerts = "reconciler.alerts";
inline constexpr const char* writer_requests = "qbxml-writer.requests";
inline constexpr const char* writer_responses = "qbxml-writer.responses";
inline constexpr const char* gateway_requests = "qbwc-gateway.requests";
}  // namespace queue

/// The exchanges, queues (each with its DLQ and retry queue) and bindings of ml-connector.
bus::Topology topology();

}  // namespace ml::service
