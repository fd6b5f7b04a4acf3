#pragma once
// State shared by the server's handlers, the Scenario and pending webhook deliveries.
#include <utility>

#include <atomic>
#include <memory>
#include <mutex>

#include <prometheus/registry.h>

#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"
#include "ml/shipstation_sim/rate_limiter.hpp"
#include "ml/shipstation_sim/sim_server.hpp"
#include "ml/shipstation_sim/webhooks.hpp"

namespace ml::shipstation_sim::detail {

struct SimState : std::enable_shared_from_this<SimState> {
  SimState(boost::asio::io_context& io, SimOptions options);

  ml::core::TimePoint now() const { return clock->now(); }
  /// Schedules deliveries; `ship_notify` applies the duplicate knob. Call with `mutex` held.
  void deliver(std::vector<WebhookDelivery> deliveries, bool ship_notify);

  void count_request(const std::string& endpoint);
  void count_status(unsigned status);

  SimOptions options;
  std::shared_ptr<ShiftedClock> clock;
  ml::core::Logger log{"shipstation-sim"};

  mutable std::mutex mutex;  // guards account, catalogue, hosts, ship_notifications
  Account account;
  Catalogue catalogue;
  ResourceHosts hosts;
  std::uint64_t ship_notifications = 0;

  RateLimiter limiter;
  WebhookSender sender;
  std::atomic<int> forced_429{0};
  std::atomic<int> duplicate_every{0};
  std::atomic<std::int64_t> webhook_delay_ms{0};

  mutable std::mutex counters_mutex;
  Counters counters;

  std::shared_ptr<prometheus::Registry> registry;
  std::unique_ptr<ml::core::HttpServer> http;
};

/// The ShipStation V1 endpoints (auth, rate limit, routing, bodies).
ml::core::HttpResponse answer_api(SimState& state, const ml::core::HttpRequest& request);
/// The simulator-only /_sim/ endpoints.
ml::core::HttpResponse answer_admin(SimState& state, Scenario& scenario, const ml::core::HttpRequest& request);

}  // namespace ml::shipstation_sim::detail
