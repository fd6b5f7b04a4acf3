// The gateway's /metrics series count what its sessions did.
#include <catch2/catch.hpp>
#include <prometheus/text_serializer.h>

#include "gateway_fixture.hpp"
#include "ml/qbwc_gateway/ticket.hpp"
#include "ml/qbwc_sim/seed.hpp"

using namespace ml;
using namespace ml::qbwc_gateway;
using namespace ml::qbwc_gateway::test;

namespace {

std::string metrics_text(const Gateway& gateway) {
  return prometheus::TextSerializer().Serialize(gateway.metrics_registry()->Collect());
}

}  // namespace

TEST_CASE("metrics count SOAP calls by method, sessions, requests sent and writes left in doubt") {
  GatewayHarness harness;
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  const auto ref = "M" + new_ticket().substr(0, 8);
  harness.enqueue(request_of(R"(<InvoiceAddRq requestID="{id}"><InvoiceAdd><CustomerRef><FullName>Jane Doe</FullName>)"
                             R"(</CustomerRef><RefNumber>)" + ref + R"(</RefNumber><InvoiceLineAdd><ItemRef><FullName>)"
                             R"(WIDGET-01</FullName></ItemRef><Quantity>1</Quantity></InvoiceLineAdd></InvoiceAdd>)"
                             R"(</InvoiceAddRq>)",
                             messages::QbxmlRequestKind::write));

  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks, kPassword, 1.0).outcome) == "response_lost");
  harness.clock.advance(std::chrono::seconds(61));
  REQUIRE(harness.gateway().sweep_expired() == 1);

  const auto text = metrics_text(harness.gateway());
  INFO(text);
  CHECK(text.find(R"(ml_qbwc_soap_calls_total{method="authenticate"} 1)") != std::string::npos);
  CHECK(text.find(R"(ml_qbwc_soap_calls_total{method="sendRequestXML"} 1)") != std::string::npos);
  CHECK(text.find(R"(ml_qbwc_sessions_total{event="started"} 1)") != std::string::npos);
  CHECK(text.find(R"(ml_qbwc_sessions_total{event="ended"} 1)") != std::string::npos);
  CHECK(text.find("ml_qbwc_message_sets_sent_total 1") != std::string::npos);
  CHECK(text.find("ml_qbwc_requests_sent_total 1") != std::string::npos);
  CHECK(text.find("ml_qbwc_writes_in_doubt_total 1") != std::string::npos);
}
