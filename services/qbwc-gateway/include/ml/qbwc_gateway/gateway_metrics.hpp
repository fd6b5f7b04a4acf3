#pragma once
/// The gateway's Prometheus series, counted per replica (sum them across replicas).
#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace ml::qbwc_gateway {

class GatewayMetrics {
 public:
  GatewayMetrics();

  /// The registry holding the series; serve it on /metrics (HttpServer adds its own to it).
  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  /// ml_qbwc_soap_calls_total{method}: "invalid" for an envelope that could not be read.
  void soap_call(std::string_view method);
  /// ml_qbwc_sessions_total{event="started"|"ended"}.
  void session_started();
  void sessions_ended(std::size_t sessions);
  /// ml_qbwc_requests_sent_total and ml_qbwc_message_sets_sent_total.
  void message_set_sent(std::size_t requests);
  /// ml_qbwc_writes_in_doubt_total: writes sent whose answer never came.
  void writes_in_doubt(std::size_t writes);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& soap_calls_;
  prometheus::Family<prometheus::Counter>& sessions_;
  prometheus::Counter& requests_sent_;
  prometheus::Counter& message_sets_sent_;
  prometheus::Counter& writes_in_doubt_;
};

}  // namespace ml::qbwc_gateway
