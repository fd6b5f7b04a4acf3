#include "running_sim.hpp"

#include <stdexcept>

namespace ss_test {

ml::core::TimePoint utc(const char* rfc3339) {
  const auto parsed = ml::core::parse_rfc3339(rfc3339);
  if (!parsed) throw std::invalid_argument(std::string("bad test instant ") + rfc3339);
  return *parsed;
}

RunningSim::RunningSim(sim::SimOptions options, std::shared_ptr<ml::core::ManualClock> clock)
    : clock_(std::move(clock)) {
  if (clock_) options.clock = clock_;
  options.address = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<sim::SimServer>(io_, std::move(options));
  if (auto ec = server_->start()) throw std::runtime_error("simulator cannot listen: " + ec.message());
  thread_ = std::thread([this] { io_.run(); });
}

RunningSim::~RunningSim() {
  server_->stop();
  io_.stop();
  thread_.join();
}

std::unique_ptr<ss::Client> RunningSim::client(const std::function<void(ss::ClientOptions&)>& tweak) {
  ss::ClientOptions options;
  options.base_url = base_url();
  options.api_key = "ShipStation";
  options.api_secret = "Rocks";
  options.connect_timeout = std::chrono::seconds(5);
  options.io_timeout = std::chrono::seconds(30);
  options.server_retries = 1;
  options.retry_backoff = std::chrono::milliseconds(10);
  if (tweak) tweak(options);
  std::shared_ptr<ss::RateLimiter> limiter;
  if (clock_) {
    limiter = std::make_shared<ss::RateLimiter>(
        clock_, [clock = clock_](std::chrono::milliseconds d) { clock->advance(d); });
  } else {
    // A real-time limiter of its own, so tests never share the process-wide one.
    limiter = std::make_shared<ss::RateLimiter>(std::make_shared<ml::core::SystemClock>(), ss::real_sleeper(),
                                                ss::RateLimiterOptions{.reset_margin = std::chrono::milliseconds(200)});
  }
  return std::make_unique<ss::Client>(options, limiter, [](std::chrono::milliseconds) {});
}

std::int64_t RunningSim::first_store() {
  std::int64_t id = 0;
  scenario().inspect([&](const sim::Account& account) { id = account.stores.at(0).store_id; });
  return id;
}

std::set<std::int64_t> RunningSim::order_ids() {
  std::set<std::int64_t> ids;
  scenario().inspect([&](const sim::Account& account) {
    for (const auto& [id, order] : account.orders) ids.insert(id);
  });
  return ids;
}

sim::SimOptions month_of(int orders) {
  sim::SimOptions options;
  options.month = sim::GeneratorOptions{.seed = 7, .orders = orders};
  return options;
}

sim::NewOrder simple_order(std::int64_t store_id) {
  sim::NewOrder order;
  order.store_id = store_id;
  order.customer_name = "Ada Lovelace";
  order.customer_email = "ada@example.com";
  order.ship_to.name = "Ada Lovelace";
  order.ship_to.street1 = "12 Analytical Way";
  order.ship_to.city = "Portland";
  order.ship_to.state = "OR";
  order.ship_to.postal_code = "97205";
  order.ship_to.country = "US";
  order.items.push_back({"HG-OAK-1000", "Oak Cutting Board", 2, ml::core::Decimal::from_string("24.95"),
                         ml::core::Decimal::from_string("8"), false, {}});
  return order;
}

}  // namespace ss_test
