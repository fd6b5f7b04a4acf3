#include "ml/service/topology.hpp"

namespace ml::service {

bus::Topology topology() {
  bus::Topology t;
  t.queues = {
      {queue::reconciler_shipstation, {"ss.order.changed", "ss.shipment.changed", "ss.batch.received"}},
      {queue::reconciler_quickbooks,
       {"qb.lookup.completed", "posting.completed", "posting.failed", "posting.in_doubt"}},
      {queue::reconciler_alerts, {"alert.raised"}},
      {queue::writer_requests, {"qb.lookup.requested", "posting.requested"}},
      {queue::writer_responses, {"qbxml.response", "qbwc.session"}},
      {queue::gateway_requests, {"qbxml.request"}},
  };
  return t;
}

}  // namespace ml::service
