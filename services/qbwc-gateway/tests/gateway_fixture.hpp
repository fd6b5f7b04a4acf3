#pragma once
// A gateway served in-process over HTTP on a throw-away schema, the simulated Web Connector and
// QuickBooks company that drive it, and (when a test needs it) the broker round trip.
#include <boost/asio/io_context.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "broker_fixture.hpp"
#include "ml/core/http_server.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbwc_gateway/gateway.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/web_connector.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/relay_loop.hpp"

namespace ml::qbwc_gateway::test {

inline constexpr const char* kUser = "qbwc-user";
inline constexpr const char* kPassword = "correct horse battery";

/// One or more Gateway instances on the same schema, each behind its own HttpServer. With more
/// than one, a front server passes the Web Connector's calls to them in turn.
class GatewayHarness {
 public:
  explicit GatewayHarness(std::size_t instances = 1);
  ~GatewayHarness();

  GatewayOptions options() const;
  std::string url() const;
  unsigned short port() const;
  Gateway& gateway(std::size_t i = 0) { return *gateways_.at(i); }
  std::size_t calls_served_by(std::size_t i) const { return served_.at(i); }

  /// Queues a request as the qbxml.request consumer would.
  void enqueue(const messages::QbxmlRequest& request);
  /// Rows of the request queue in `state`.
  std::int64_t count(const std::string& state);
  /// One Web Connector session against this gateway and `company`.
  qbwc_sim::SessionReport run_session(qbwc_sim::QuickBooksDesktop& quickbooks, const std::string& password = kPassword,
                                      double lose = 0);

  std::string schema;
  std::ostringstream log_text;
  core::Logger log;
  store::ConnectionPool pool;
  core::ManualClock clock;

 private:
  std::vector<std::unique_ptr<Gateway>> gateways_;
  std::vector<std::size_t> served_;
  std::size_t next_ = 0;
  std::mutex mutex_;
  boost::asio::io_context io_;
  std::vector<std::unique_ptr<core::HttpServer>> servers_;  // the front server last, when there is one
  std::vector<std::thread> threads_;

  core::HttpResponse forward(const core::HttpRequest& request);
};

/// The gateway's consumer and outbox relay on a scratch topology, and a test queue bound to
/// qbxml.response and qbwc.session.
class BusRoundTrip {
 public:
  explicit BusRoundTrip(GatewayHarness& harness);
  ~BusRoundTrip();
  /// Publishes `request` as a qbxml.request message.
  void publish(const messages::QbxmlRequest& request);
  /// The next message on the test queue, or nullopt after `timeout`.
  std::optional<messages::Envelope> next(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  bus::testing::ScratchTopology requests_;
  bus::testing::ScratchTopology responses_;
  bus::Topology topology_;
  service::ServiceSettings settings_;
  std::unique_ptr<service::MessageConsumer> consumer_;
  std::unique_ptr<service::OutboxRelayLoop> relay_;
};

/// A qbxml.request whose element is `element_template` with "{id}" replaced by a fresh request id.
messages::QbxmlRequest request_of(const std::string& element_template,
                                  messages::QbxmlRequestKind kind = messages::QbxmlRequestKind::query, int priority = 5);

/// A QuickBooks company (the simulator's small company), with the XSD when ../shared has it.
std::unique_ptr<qbwc_sim::QuickBooksDesktop> small_quickbooks(qbwc_sim::Company& company, core::Logger& log);

}  // namespace ml::qbwc_gateway::test
