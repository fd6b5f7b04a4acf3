#pragma once
// The ingest's parts against the test PostgreSQL and an in-process ShipStation simulator.
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>

#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ml/core/http_server.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/shipstation_ingest/metrics.hpp"
#include "ml/shipstation_ingest/poller.hpp"
#include "ml/shipstation_ingest/resource_worker.hpp"
#include "ml/shipstation_ingest/webhook_endpoint.hpp"
#include "ml/shipstation_sim/sim_server.hpp"
#include "ml/store/pool.hpp"

namespace ingest_test {

namespace sim = ml::shipstation_sim;
namespace ss = ml::shipstation;
namespace ingest = ml::shipstation_ingest;

inline constexpr const char* kToken = "test-token-0123456789abcdef";

ml::core::TimePoint utc(const char* rfc3339);

struct HttpAnswer {
  int status = 0;
  std::string body;
};

/// POSTs `body` to 127.0.0.1:port`target`.
HttpAnswer post(unsigned short port, const std::string& target, const std::string& body,
                const std::string& authorization = {});

/// Everything the outbox holds, decoded.
struct Published {
  std::vector<ml::messages::SsOrderChanged> orders;
  std::vector<ml::messages::SsShipmentChanged> shipments;
  std::vector<ml::messages::SsBatchReceived> batches;
  std::set<std::int64_t> distinct_order_ids() const;
};

/// The simulator (on a manual clock shared with the ingest, so rate-limit waits only move it),
/// a fresh schema, and the ingest's endpoint, worker and poller wired as main.cpp wires them.
class Harness {
 public:
  explicit Harness(sim::SimOptions options = {}, ml::core::TimePoint now = utc("2026-06-10T17:00:00Z"));
  ~Harness();

  sim::SimServer& sim() { return *sim_; }
  sim::Scenario& scenario() { return sim_->scenario(); }
  std::string sim_url() const { return "http://127.0.0.1:" + std::to_string(sim_port_); }
  unsigned short ingest_port() const { return server_->port(); }
  std::string webhook_target(const std::string& token = kToken) const {
    return std::string(ingest::kWebhookPrefix) + token;
  }
  ml::store::ConnectionPool& pool() { return *pool_; }
  const std::string& schema() const { return schema_; }
  ml::core::ManualClock& clock() { return *clock_; }
  ingest::IngestStore& store() { return *store_; }

  /// A client on the simulator with test-sized retries, sharing one limiter with every other.
  std::unique_ptr<ss::Client> client(int throttle_retries = 5);
  ingest::ResourceWorker& worker() { return *worker_; }
  /// A poller of its own (a replica), on its own client.
  std::unique_ptr<ingest::Poller> poller(int throttle_retries = 5);

  /// Posts a webhook for `resource_url` with the right token.
  HttpAnswer notify(const std::string& resource_url, const std::string& type = "ORDER_NOTIFY");
  /// Runs the worker until no notification is due (at most `limit` steps).
  void drain_worker(int limit = 100);

  Published published();
  std::int64_t count(const std::string& sql);
  std::int64_t first_store();
  std::string import_batch_of(std::int64_t order_id);

 private:
  std::shared_ptr<ml::core::ManualClock> clock_;
  unsigned short sim_port_ = 0;
  boost::asio::io_context sim_io_, ingest_io_;
  std::unique_ptr<sim::SimServer> sim_;
  std::string schema_;
  std::unique_ptr<ml::store::ConnectionPool> pool_;
  std::ostringstream log_text_;
  ml::core::Logger log_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::unique_ptr<ingest::IngestMetrics> metrics_;
  std::unique_ptr<ingest::IngestStore> store_;
  std::shared_ptr<ss::RateLimiter> limiter_;
  std::unique_ptr<ss::Client> worker_client_;
  std::unique_ptr<ingest::ResourceWorker> worker_;
  std::unique_ptr<ingest::WebhookEndpoint> endpoint_;
  std::unique_ptr<ml::core::HttpServer> server_;
  std::vector<std::thread> threads_;
};

/// An order for `store_id` with one line.
sim::NewOrder simple_order(std::int64_t store_id);

}  // namespace ingest_test
