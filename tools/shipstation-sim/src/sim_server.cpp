#include "ml/shipstation_sim/sim_server.hpp"

#include "sim_state.hpp"

namespace ml::shipstation_sim {

namespace detail {

namespace {

std::shared_ptr<ml::core::Clock> base_clock(const SimOptions& options) {
  return options.clock ? options.clock : std::make_shared<ml::core::SystemClock>();
}

ml::core::HttpServerOptions http_options(const SimOptions& options) {
  ml::core::HttpServerOptions out;
  out.address = options.address;
  out.port = options.port;
  return out;
}

}  // namespace

Scenario make_scenario(std::shared_ptr<SimState> state) { return Scenario(std::move(state)); }

SimState::SimState(boost::asio::io_context& io, SimOptions o)
    : options(std::move(o)),
      clock(std::make_shared<ShiftedClock>(base_clock(options))),
      account(options.seed),
      hosts(options.resource_base_url),
      limiter(options.rate_limit, options.rate_window, clock),
      sender(io),
      webhook_delay_ms(options.webhook_delay.count()),
      registry(std::make_shared<prometheus::Registry>()),
      http(std::make_unique<ml::core::HttpServer>(io, http_options(options), registry, log)) {
  if (options.month) {
    auto month = generate_month(*options.month);
    account = std::move(month.account);
    catalogue = std::move(month.catalogue);
  } else {
    account.stores = merchant_stores(options.seed);
    catalogue = merchant_catalogue(options.seed);
  }
}

namespace {

/// "http://host:port" of a webhook target: its path often carries the subscriber's token.
std::string origin_of(const std::string& url) {
  const auto scheme_end = url.find("://");
  return scheme_end == std::string::npos ? std::string() : url.substr(0, url.find('/', scheme_end + 3));
}

}  // namespace

void SimState::deliver(std::vector<WebhookDelivery> deliveries, bool ship_notify) {
  const auto delay = std::chrono::milliseconds(webhook_delay_ms.load());
  for (auto& delivery : deliveries) {
    int copies = 1;
    if (ship_notify) {
      const auto every = duplicate_every.load();
      if (every > 0 && ++ship_notifications % static_cast<std::uint64_t>(every) == 0) copies = 2;
    }
    for (int i = 0; i < copies; ++i) {
      sender.send(delivery, delay + std::chrono::milliseconds(50 * i),
                  [weak = weak_from_this()](const WebhookDelivery& sent, bool ok, const std::string& detail) {
                    auto self = weak.lock();
                    if (!self) return;
                    if (!ok)
                      self->log.warn("webhook delivery failed", {{"target", origin_of(sent.target_url)},
                                                                 {"resource_type", sent.resource_type},
                                                                 {"detail", detail}});
                    std::lock_guard lock(self->counters_mutex);
                    ++(ok ? self->counters.webhooks_delivered : self->counters.webhooks_failed);
                  });
    }
  }
}

void SimState::count_request(const std::string& endpoint) {
  std::lock_guard lock(counters_mutex);
  ++counters.requests[endpoint];
}

void SimState::count_status(unsigned status) {
  std::lock_guard lock(counters_mutex);
  if (status == 401) ++counters.unauthorized;
  if (status == 429) ++counters.rate_limited;
  if (status >= 500) ++counters.server_errors;
}

}  // namespace detail

std::uint64_t Counters::requests_to(const std::string& endpoint) const {
  auto it = requests.find(endpoint);
  return it == requests.end() ? 0 : it->second;
}

SimServer::SimServer(boost::asio::io_context& io, SimOptions options)
    : state_(std::make_shared<detail::SimState>(io, std::move(options))), scenario_(detail::make_scenario(state_)) {
  namespace http = ml::core::http;
  std::weak_ptr<detail::SimState> weak = state_;
  auto admin = [weak](const ml::core::HttpRequest& request) {
    auto state = weak.lock();
    if (!state) return ml::core::make_response(request, http::status::service_unavailable, "stopped\n");
    auto scenario = detail::make_scenario(state);
    return detail::answer_admin(*state, scenario, request);
  };
  auto api = [weak](const ml::core::HttpRequest& request) {
    auto state = weak.lock();
    if (!state) return ml::core::make_response(request, http::status::service_unavailable, "stopped\n");
    return detail::answer_api(*state, request);
  };
  for (auto verb : {http::verb::get, http::verb::post, http::verb::delete_}) {
    state_->http->route_prefix(verb, "/_sim/", admin);
    state_->http->route_prefix(verb, "/", api);
  }
}

SimServer::~SimServer() { stop(); }

std::error_code SimServer::start() { return state_->http->start(); }

unsigned short SimServer::port() const { return state_->http->port(); }

void SimServer::stop() {
  state_->http->stop();
  state_->sender.stop();
}

Counters SimServer::counters() const {
  std::lock_guard lock(state_->counters_mutex);
  return state_->counters;
}

void SimServer::reset_counters() {
  std::lock_guard lock(state_->counters_mutex);
  state_->counters = {};
}

const Catalogue& SimServer::catalogue() const { return state_->catalogue; }

std::string SimServer::catalogue_json() const {
  std::lock_guard lock(state_->mutex);
  return ml::shipstation_sim::catalogue_json(state_->options.month ? state_->options.month->seed : state_->options.seed,
                                             state_->account.stores, state_->catalogue);
}

}  // namespace ml::shipstation_sim
