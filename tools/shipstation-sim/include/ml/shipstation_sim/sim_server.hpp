#pragma once
/// The ShipStation V1 simulator: an HTTP server answering the V1 subset (Basic auth, the 40/60 s
/// rate limit and its headers, /orders, /shipments, /fulfillments, /stores, /webhooks) from an
/// Account, plus a Scenario API to change that account while clients poll it, and simulator-only
/// admin endpoints under /_sim/ that expose the same Scenario over HTTP.
///
///   boost::asio::io_context io;
///   SimServer server(io, {.port = 0, .month = GeneratorOptions{.seed = 7}});
///   server.start();                       // then run io on a thread
///   server.scenario().create_labels({id});  // a SHIP_NOTIFY goes to subscribers
///   server.counters().rate_limited;       // 429s served so far
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/shipstation_sim/account.hpp"
#include "ml/shipstation_sim/generator.hpp"

namespace ml::shipstation_sim {

struct SimOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  ///< 0 picks a free port (see SimServer::port()).
  std::string api_key = "ShipStation";
  std::string api_secret = "Rocks";
  int rate_limit = 40;                       ///< Requests per window per key+secret.
  std::chrono::milliseconds rate_window{60'000};
  std::shared_ptr<ml::core::Clock> clock{};  ///< Default: the system clock.
  std::optional<GeneratorOptions> month{};   ///< Load a generated merchant month at start-up.
  std::uint64_t seed = 1;                    ///< Keys and ids of scenario-made records (when no month).
  std::chrono::milliseconds webhook_delay{0};  ///< ShipStation says "within a few minutes".
  std::string resource_base_url{};           ///< Empty: numbered https://ssapiN.shipstation.com hosts.
  bool log_requests = false;                 ///< One JSON log line per API request on stderr.
};

/// Counts of what the simulator served, for tests to assert on.
struct Counters {
  std::map<std::string, std::uint64_t> requests;  ///< By endpoint: "GET /orders", "GET /orders/{id}", ...
  std::uint64_t rate_limited = 0;                 ///< 429s served.
  std::uint64_t unauthorized = 0;                 ///< 401s served.
  std::uint64_t server_errors = 0;                ///< 500s served.
  std::uint64_t webhooks_delivered = 0;           ///< POSTs answered 2xx by the subscriber.
  std::uint64_t webhooks_failed = 0;

  /// requests[endpoint], 0 when absent.
  std::uint64_t requests_to(const std::string& endpoint) const;
};

/// A clock that follows a base clock plus an adjustable shift (for /_sim/clock).
class ShiftedClock final : public ml::core::Clock {
 public:
  explicit ShiftedClock(std::shared_ptr<ml::core::Clock> base) : base_(std::move(base)) {}
  ml::core::TimePoint now() const override { return base_->now() + std::chrono::nanoseconds(shift_.load()); }
  void shift_by(std::chrono::nanoseconds by) { shift_ += by.count(); }

 private:
  std::shared_ptr<ml::core::Clock> base_;
  std::atomic<std::int64_t> shift_{0};
};

class Scenario;
namespace detail {
struct SimState;
Scenario make_scenario(std::shared_ptr<SimState> state);
}  // namespace detail

/// Merchant actions and fault knobs, applied at the simulator's current time. Thread-safe.
/// Steps that cannot be applied throw ScenarioError.
class Scenario {
 public:
  /// One import: one ORDER_NOTIFY per store involved (none for awaiting_payment-only imports).
  std::vector<std::int64_t> create_orders(const std::vector<NewOrder>& orders);
  std::int64_t create_order(const NewOrder& order);
  /// Bumps modifyDate; never notifies.
  void edit_order(std::int64_t order_id, const std::function<void(Order&)>& edit);
  void mark_paid(std::int64_t order_id);
  void cancel_order(std::int64_t order_id);
  /// One label batch: shipments with shipmentItems and one SHIP_NOTIFY per subscription.
  LabelBatch create_labels(const std::vector<std::int64_t>& order_ids, const LabelOptions& options = {});
  void void_label(std::int64_t shipment_id);
  std::int64_t mark_shipped(std::int64_t order_id, std::optional<std::string> carrier_code = "usps",
                            std::string tracking_number = "9205500000000000000001");
  std::int64_t split_order(std::int64_t order_id, const std::vector<std::int64_t>& order_item_ids);

  /// Any /orders page (and GET /orders/{id}) holding this order answers 500 while poisoned.
  void poison_order(std::int64_t order_id, bool poisoned = true);
  /// The next `count` authenticated API requests get 429 although Remaining shows budget.
  void inject_429(int count);
  /// Every n-th SHIP_NOTIFY delivery is sent twice (0: never, 1: always).
  void duplicate_ship_notify_every(int n);
  void set_webhook_delay(std::chrono::milliseconds delay);
  /// Changes the budget and starts fresh windows.
  void set_rate_limit(int limit, std::chrono::milliseconds window);
  /// Moves the simulator's clock forward (or back) by `by`.
  void shift_clock(std::chrono::nanoseconds by);
  ml::core::TimePoint now() const;

  /// Copies of records; nullopt when unknown.
  std::optional<Order> order(std::int64_t order_id) const;
  std::optional<Shipment> shipment(std::int64_t shipment_id) const;
  /// Runs `read` with the account locked; do not keep references past the call.
  void inspect(const std::function<void(const Account&)>& read) const;

 private:
  friend Scenario detail::make_scenario(std::shared_ptr<detail::SimState> state);
  explicit Scenario(std::shared_ptr<detail::SimState> state) : state_(std::move(state)) {}
  std::shared_ptr<detail::SimState> state_;
};

class SimServer {
 public:
  SimServer(boost::asio::io_context& io, SimOptions options);
  ~SimServer();

  /// Binds and starts accepting; the error says why binding failed.
  std::error_code start();
  unsigned short port() const;
  /// Stops accepting and abandons webhook deliveries not yet sent.
  void stop();

  Scenario& scenario() { return scenario_; }
  Counters counters() const;
  void reset_counters();
  /// The catalogue/customer list the generated month was made from (empty without a month).
  const Catalogue& catalogue() const;
  std::string catalogue_json() const;

 private:
  std::shared_ptr<detail::SimState> state_;
  Scenario scenario_;
};

}  // namespace ml::shipstation_sim
