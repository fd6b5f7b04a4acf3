#pragma once
/// Plays the QuickBooks Web Connector: drives a QBWC SOAP endpoint over HTTP through one update
/// session, handing each request set to QuickBooksDesktop like QBWC hands it to QBXMLRP2.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/log.hpp"
#include "ml/qbwc_sim/faults.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"

namespace ml::qbwc_sim {

struct WebConnectorOptions {
  std::string url;  ///< The .qwc AppURL, e.g. "http://127.0.0.1:8080/qbwc" (http only).
  std::string user;
  std::string password;
  std::string client_version = "2.3.0.215";
  std::string country = "US";
  int qbxml_major = 13;
  int qbxml_minor = 0;
  std::chrono::milliseconds http_timeout{120'000};
  std::chrono::milliseconds noop_pause{5'000};  ///< Wait after getLastError "NoOp".
  int connection_error_retries = 2;             ///< Retries with a path returned by connectionError.
  FaultPlan faults;                             ///< Uses `lose`, `timeout` and `seed`.
};

enum class SessionOutcome {
  completed,                ///< receiveResponseXML reached 100, closeConnection called.
  invalid_user,             ///< authenticate said "nvu".
  nothing_to_do,            ///< authenticate said "none".
  busy,                     ///< authenticate said "busy".
  client_version_rejected,  ///< clientVersion answered "E:..." or "O:...".
  stopped_by_service,       ///< empty request or negative percent: getLastError, then closeConnection.
  connection_error,         ///< the company could not be opened; connectionError answered "done".
  response_lost,            ///< fault: a request set was applied but its response never sent.
  timed_out,                ///< fault: a round trip timed out after the service received it.
  transport_error,          ///< HTTP failed or the answer was not the expected SOAP.
};
std::string_view to_string(SessionOutcome outcome);

/// One SOAP call as the Web Connector log would show it.
struct CallRecord {
  std::string method;
  std::string detail;
};

struct SessionReport {
  SessionOutcome outcome = SessionOutcome::transport_error;
  std::string ticket;
  std::vector<CallRecord> calls;
  int request_sets = 0;                       ///< Request sets processed by the company.
  std::optional<int> postpone_seconds;        ///< authenticate's third string.
  std::optional<int> min_run_every_seconds;   ///< authenticate's fourth string.
  std::string last_error;                     ///< getLastError text, or the transport problem.
  std::string close_message;                  ///< closeConnection's answer.
};

class WebConnector {
 public:
  WebConnector(WebConnectorOptions options, QuickBooksDesktop& quickbooks, core::Logger& log);
  /// One update session: serverVersion → clientVersion → authenticate → request/response loop →
  /// closeConnection (or the path QBWC takes on each answer and failure).
  SessionReport run_session();

 private:
  WebConnectorOptions options_;
  QuickBooksDesktop& quickbooks_;
  core::Logger& log_;
  FaultDice lose_dice_;
  FaultDice timeout_dice_;
};

}  // namespace ml::qbwc_sim
