#pragma once
/// The QBWC SOAP service: answers each Web Connector call from the session and request queue in
/// PostgreSQL, so any replica can serve any call of a session. Messages it produces go through
/// the schema's outbox in the same transaction as the state change.
#include <chrono>
#include <expected>
#include <string>

#include <pqxx/pqxx>

#include "ml/core/clock.hpp"
#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/qbwc/qwc.hpp"
#include "ml/qbwc/request.hpp"
#include "ml/qbwc/response.hpp"
#include "ml/qbwc_gateway/gateway_metrics.hpp"
#include "ml/qbwc_gateway/password.hpp"
#include "ml/qbwc_gateway/request_batch.hpp"
#include "ml/store/pool.hpp"

namespace ml::qbwc_gateway {

struct GatewayOptions {
  std::string user;                   ///< the .qwc UserName
  PasswordHash password;              ///< its PBKDF2 hash
  std::string company_file;           ///< authenticate's path; "" = the file open in QuickBooks
  std::string server_version = "ml-connector qbwc-gateway 1";
  std::chrono::seconds ticket_ttl{1800};        ///< a session idle this long is ended by the sweep
  std::chrono::seconds idle_postpone{300};      ///< authenticate "none": come back after this long
  /// With nothing queued, a session is still opened when none started for this long, so
  /// qbxml-writer gets its qbwc.session to schedule the modified-since queries (0 = never).
  std::chrono::seconds idle_session_every{900};
  std::chrono::milliseconds first_work_wait{10'000};  ///< first sendRequestXML: time for the writer to react
  std::size_t max_login_failures = 5;
  std::chrono::seconds login_failure_window{900};
  BatchLimits batch;
  std::chrono::milliseconds work_wait{2000};    ///< how long to wait for work before saying "nothing"
  /// A set not yet full waits this long at most while the writer is still queueing requests.
  std::chrono::milliseconds batch_fill_wait{1000};
  std::chrono::milliseconds work_poll{200};
  int max_query_attempts = 3;                   ///< a query failed by hresult this often is given up
  qbwc::QwcConfig qwc;                          ///< what GET /qbwc/app.qwc serves
};

/// Why a qbxml.request cannot be queued (it goes to the dead-letter queue with this text).
struct RequestRejected {
  std::string reason;
};

class Gateway {
 public:
  Gateway(store::ConnectionPool& pool, std::string schema, GatewayOptions options, const core::Clock& clock,
          core::Logger& log);

  /// Queues the request carried by a qbxml.request envelope, inside the consumer's transaction.
  std::expected<void, RequestRejected> enqueue(pqxx::work& tx, const messages::Envelope& envelope) const;

  /// Answers one parsed Web Connector call.
  qbwc::Response answer(const qbwc::Request& request);
  /// POST /qbwc: parse, answer, serialize; a malformed envelope gets a SOAP fault.
  core::HttpResponse handle_post(const core::HttpRequest& request);
  /// POST /qbwc, GET /qbwc (and ?wsdl), GET /qbwc/app.qwc.
  void register_routes(core::HttpServer& server);

  /// Ends every session whose ticket expired; returns how many.
  std::size_t sweep_expired();

  /// The registry of the gateway's series (SOAP calls, sessions, requests sent, writes in doubt),
  /// to be served on /metrics.
  std::shared_ptr<prometheus::Registry> metrics_registry() const { return metrics_.registry(); }

 private:
  qbwc::Response authenticate(const qbwc::AuthenticateRequest& request);
  qbwc::Response send_request_xml(const qbwc::SendRequestXmlRequest& request);
  qbwc::Response receive_response_xml(const qbwc::ReceiveResponseXmlRequest& request);
  qbwc::Response get_last_error(const qbwc::GetLastErrorRequest& request);
  qbwc::Response end_by_client(const std::string& ticket, const std::string& reason);

  /// One attempt at sendRequestXML: the packed set, "" when nothing is sendable, or an error text.
  std::expected<std::string, std::string> try_send(const qbwc::SendRequestXmlRequest& request);
  /// Pending work for the session, waiting up to work_wait for some to appear.
  std::int64_t wait_for_pending(const std::string& ticket);
  void fill_batch(const std::string& ticket);

  store::ConnectionPool& pool_;
  std::string schema_;
  GatewayOptions options_;
  const core::Clock& clock_;
  core::Logger& log_;
  LoginThrottle throttle_;
  GatewayMetrics metrics_;
};

}  // namespace ml::qbwc_gateway
