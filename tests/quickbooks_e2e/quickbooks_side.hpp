#pragma once
// The QuickBooks side of ml-connector as deployed: qbwc-gateway and qbxml-writer as child
// processes on the test PostgreSQL and RabbitMQ, postings published onto the bus, their outcomes
// read from a test queue, and the simulated Web Connector and company driving the gateway.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ml/bus/consumer.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/messages/posting.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/web_connector.hpp"
#include "ml/merchant_demo/process.hpp"

namespace ml::quickbooks_e2e {

using merchant_demo::ChildProcess;
using merchant_demo::Environment;
using merchant_demo::free_port;

/// The Web Connector user the gateway is configured with, and its password.
inline constexpr const char* kWebConnectorUser = "e2e-sync";
inline constexpr const char* kWebConnectorPassword = "e2e password";

/// posting.completed / posting.failed / posting.in_doubt as seen on the test queue (each envelope
/// counted once: the outbox relay may deliver a message twice).
class PostingOutcomes {
 public:
  void record(const std::string& envelope_json);
  /// True when a posting.completed for `key` at `revision` (or newer) arrived.
  bool completed(const std::string& key, std::int64_t revision) const;
  std::size_t completed_count(const std::vector<std::string>& keys, std::int64_t revision) const;
  std::size_t in_doubt_count() const;
  /// "key rev N: status message" for every posting.failed seen.
  std::vector<std::string> failures() const;

 private:
  mutable std::mutex mutex_;
  std::set<std::string> seen_ids_;
  std::map<std::string, std::int64_t> completed_revision_;
  std::size_t in_doubt_ = 0;
  std::vector<std::string> failures_;
};

/// What driving the Web Connector took.
struct DriveReport {
  bool finished = false;  ///< `done` held before the time limit
  int sessions = 0;
  int request_sets = 0;   ///< QBWC round trips that carried a request set to the company
  std::map<std::string, int> session_outcomes;
  std::chrono::milliseconds elapsed{0};
};

class QuickBooksSide {
 public:
  /// Starts both services (REQUIRE-fails when either does not become ready) and the outcome queue;
  /// `gateway_settings` replace or add to the gateway's test configuration.
  explicit QuickBooksSide(const Environment& gateway_settings = {});
  /// Stops the services if stop_services() was not called, and deletes the outcome queue.
  ~QuickBooksSide();

  /// SIGTERM to both; their exit statuses (gateway, writer).
  std::pair<int, int> stop_services();

  void publish(const messages::PostingRequested& posting);
  /// The gateway's SOAP endpoint, http://127.0.0.1:<port>/qbwc.
  std::string gateway_url() const;
  /// Runs a Web Connector session against the gateway every second until `done` holds or `limit` passes.
  DriveReport drive(qbwc_sim::QuickBooksDesktop& quickbooks, const qbwc_sim::FaultPlan& web_connector_faults,
                    const std::function<bool()>& done, std::chrono::seconds limit);

  PostingOutcomes outcomes;

 private:
  std::string outcome_queue_;
  bus::Topology outcome_topology_;
  std::unique_ptr<bus::Consumer> outcome_consumer_;
  std::unique_ptr<bus::Publisher> publisher_;
  std::unique_ptr<ChildProcess> gateway_;
  std::unique_ptr<ChildProcess> writer_;
  unsigned short gateway_port_ = 0;
  std::ostringstream sim_log_text_;
};

/// Options for a QuickBooksDesktop validating against Intuit's schema when ../shared has it.
qbwc_sim::QuickBooksOptions desktop_options(const qbwc_sim::FaultPlan& faults);

}  // namespace ml::quickbooks_e2e
