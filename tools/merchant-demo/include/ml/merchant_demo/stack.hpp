#pragma once
/// The whole of ml-connector on one machine: both simulators and the four services as child
/// processes, on a database and a RabbitMQ virtual host of their own, wired as deployed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ml/merchant_demo/process.hpp"
#include "ml/qbwc_sim/company.hpp"

namespace ml::merchant_demo {

struct StackOptions {
  std::filesystem::path binary_dir;  ///< the CMake build directory holding services/ and tools/
  std::filesystem::path work_dir;    ///< logs and the QuickBooks company file go here
  std::string pg_url;                ///< a PostgreSQL server; the stack creates its own database on it
  std::string amqp_url;              ///< a RabbitMQ server (amqp://user:password@host:port/...)
  std::string rabbit_management_url; ///< its management API, for the stack's own virtual host
  std::string name;                  ///< names the database and virtual host (letters, digits, _)
  std::uint64_t seed = 1;
  int orders = 2000;                 ///< generated merchant month (shipstation-sim)
  std::string month = "2026-03";
  std::string web_connector_faults;  ///< qbwc-sim --faults, e.g. "lose=0.1"
  int web_connector_every_seconds = 2;
  bool keep_database = false;        ///< leave the database and virtual host for inspection
  /// More environment per service ("reconciler", "qbwc-gateway", ...), applied last (wins).
  std::map<std::string, Environment> extra_environment{};
};

/// Where the flow stands, read from the services' own tables.
struct Progress {
  std::map<std::string, std::int64_t> orders_by_state;  ///< reconciler.orders
  std::int64_t orders = 0;
  std::int64_t in_flight = 0;         ///< orders in received/validating/posting/updating/voiding/in_doubt
  std::int64_t quickbooks_queue = 0;  ///< gateway requests pending or sent
  std::int64_t webhooks_pending = 0;  ///< notifications not fetched yet
  std::int64_t outbox_unsent = 0;     ///< over every service's outbox
  std::int64_t poll_streams_done = 0; ///< ShipStation lists with a watermark (4 when the backfill is over)
  std::int64_t open_alerts = 0;
  std::chrono::system_clock::time_point polled_up_to{};  ///< the oldest ShipStation list watermark

  /// Nothing moving: the backfill is over and no order, request, webhook or message is pending.
  bool settled() const;
  /// "orders 1520 (posted 1400, needs_review 80, ...) · in flight 12 · QuickBooks queue 3 · ..."
  std::string line() const;
};

struct StackError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class MerchantStack {
 public:
  /// Creates the database and virtual host, seeds the QuickBooks company from the simulator's
  /// catalogue, starts everything and subscribes the webhooks; StackError (naming the log to
  /// read) when a part does not start.
  explicit MerchantStack(StackOptions options);
  /// Stops everything still running and, unless kept, drops the database and virtual host.
  ~MerchantStack();
  MerchantStack(const MerchantStack&) = delete;
  MerchantStack& operator=(const MerchantStack&) = delete;

  Progress progress() const;
  /// Polls progress every second until every ShipStation list was polled past `changed_at` (take
  /// it after the last change, or a poll that began amid the changes counts) and the flow stayed
  /// settled for `quiet`; false at `timeout`.
  bool wait_settled(std::chrono::seconds timeout, const std::function<void(const Progress&)>& report = {},
                    std::chrono::system_clock::time_point changed_at = {},
                    std::chrono::seconds quiet = std::chrono::seconds(6));

  /// The simulator's admin API (`/_sim/...`, no auth) and its ShipStation API (Basic auth).
  HttpAnswer shipstation_admin(const std::string& method, const std::string& target, const std::string& body = {}) const;
  HttpAnswer shipstation_api(const std::string& target) const;
  std::string shipstation_base_url() const;
  std::string shipstation_key() const { return "ShipStation"; }
  std::string shipstation_secret() const { return "Rocks"; }
  /// Every secret the stack configured (ShipStation API secret, webhook token, Web Connector
  /// password, the AMQP URL's "user:password@"): none may appear in a log.
  std::vector<std::string> secrets() const;

  /// The simulated company as last saved: stops the Web Connector loop (after its session) and
  /// starts it again unless `keep_stopped`.
  qbwc_sim::Company quickbooks(bool keep_stopped = false);

  /// The stack's own database, `postgresql://…/<name>`.
  const std::string& database_url() const { return database_url_; }
  std::string rabbit_management_url() const { return options_.rabbit_management_url; }
  const std::string& vhost() const { return options_.name; }
  const std::filesystem::path& work_dir() const { return options_.work_dir; }
  /// The reconciler's HTTP port (POST /revalidate) and the ingest's (webhooks).
  unsigned short reconciler_port() const { return ports_.at("reconciler"); }

  /// The four services, in the order they start.
  static const std::vector<std::string>& service_names();
  /// SIGKILL to service `name` (one of service_names()), then starts it again with the same
  /// environment and port, its log appended to; StackError when it does not become ready.
  void kill_and_restart(const std::string& name);

  /// SIGTERM to every child; their exit statuses by name.
  std::map<std::string, int> stop();

 private:
  void create_database_and_vhost();
  void drop_database_and_vhost();
  void start_shipstation_sim();
  void seed_quickbooks();
  void start_service(const std::string& name, Environment settings);
  void launch_service(const std::string& name, bool append_log);
  void start_web_connector();
  void subscribe_webhooks();

  StackOptions options_;
  std::string database_url_;
  std::string amqp_url_;
  std::string webhook_token_;
  std::map<std::string, unsigned short> ports_;
  std::map<std::string, Environment> service_environment_;  ///< as started, for restarts
  std::mutex children_mutex_;  ///< a chaos driver restarts services while the test reads QuickBooks
  std::map<std::string, std::unique_ptr<ChildProcess>> children_;
};

}  // namespace ml::merchant_demo
