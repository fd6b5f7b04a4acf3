#include "ml/qbwc_gateway/gateway_metrics.hpp"

#include <string>

namespace ml::qbwc_gateway {
namespace {

prometheus::Family<prometheus::Counter>& counter_family(prometheus::Registry& registry, const std::string& name,
                                                        const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}

}  // namespace

GatewayMetrics::GatewayMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      soap_calls_(counter_family(*registry_, "ml_qbwc_soap_calls_total", "QBWC SOAP calls answered, by method")),
      sessions_(counter_family(*registry_, "ml_qbwc_sessions_total", "QBWC sessions started and ended")),
      requests_sent_(counter_family(*registry_, "ml_qbwc_requests_sent_total", "qbXML requests sent to QuickBooks")
                         .Add({})),
      message_sets_sent_(
          counter_family(*registry_, "ml_qbwc_message_sets_sent_total", "qbXML message sets (round trips) sent")
              .Add({})),
      writes_in_doubt_(counter_family(*registry_, "ml_qbwc_writes_in_doubt_total",
                                      "qbXML writes sent whose response never came (published as in doubt)")
                           .Add({})) {}

void GatewayMetrics::soap_call(std::string_view method) { soap_calls_.Add({{"method", std::string(method)}}).Increment(); }

void GatewayMetrics::session_started() { sessions_.Add({{"event", "started"}}).Increment(); }

void GatewayMetrics::sessions_ended(std::size_t sessions) {
  if (sessions > 0) sessions_.Add({{"event", "ended"}}).Increment(static_cast<double>(sessions));
}

void GatewayMetrics::message_set_sent(std::size_t requests) {
  message_sets_sent_.Increment();
  requests_sent_.Increment(static_cast<double>(requests));
}

void GatewayMetrics::writes_in_doubt(std::size_t writes) {
  if (writes > 0) writes_in_doubt_.Increment(static_cast<double>(writes));
}

}  // namespace ml::qbwc_gateway
