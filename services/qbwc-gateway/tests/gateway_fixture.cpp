#include "gateway_fixture.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include "ml/bus/publisher.hpp"
#include "ml/core/ids.hpp"
#include "ml/qbwc_gateway/migrations.hpp"
#include "ml/qbwc_gateway/session_store.hpp"
#include "ml/store/migrations.hpp"
#include "ml/testing/environment.hpp"

namespace ml::qbwc_gateway::test {
namespace {

std::string unique_schema() { return "qbwc_gateway_it_" + core::new_uuid().substr(0, 8); }

store::PoolOptions pool_options(const std::string& schema) {
  store::PoolOptions options;
  options.schema = schema;
  return options;
}

}  // namespace

GatewayHarness::GatewayHarness(std::size_t instances)
    : schema(unique_schema()),
      log("qbwc-gateway-tests", &log_text),
      pool(testing::pg_url(), 8, pool_options(schema)),
      clock(std::chrono::system_clock::now()) {
  {
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, schema, migrations());
  }
  for (std::size_t i = 0; i < instances; ++i) {
    gateways_.push_back(std::make_unique<Gateway>(pool, schema, options(), clock, log));
    served_.push_back(0);
  }
  core::HttpServerOptions http;
  http.address = "127.0.0.1";
  http.port = 0;
  http.body_limit = 32 * 1024 * 1024;
  const auto listen = [&] {
    servers_.push_back(std::make_unique<core::HttpServer>(io_, http, std::make_shared<prometheus::Registry>(), log));
    return servers_.back().get();
  };
  for (auto& gateway : gateways_) gateway->register_routes(*listen());
  if (instances > 1)
    listen()->route(core::http::verb::post, "/qbwc", [this](const core::HttpRequest& r) { return forward(r); });
  for (auto& server : servers_)
    if (auto ec = server->start()) throw std::runtime_error("gateway cannot listen: " + ec.message());
  for (std::size_t i = 0; i < 2 + instances; ++i)
    threads_.emplace_back([this] {
      auto guard = boost::asio::make_work_guard(io_);
      io_.run();
    });
}

core::HttpResponse GatewayHarness::forward(const core::HttpRequest& request) {
  std::size_t chosen = 0;
  {
    std::lock_guard lock(mutex_);
    chosen = next_++ % gateways_.size();
    ++served_[chosen];
  }
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), servers_[chosen]->port()});
  core::HttpRequest copy = request;
  copy.keep_alive(false);
  core::http::write(socket, copy);
  boost::beast::flat_buffer buffer;
  core::HttpResponse response;
  core::http::read(socket, buffer, response);
  response.keep_alive(request.keep_alive());
  return response;
}

GatewayHarness::~GatewayHarness() {
  for (auto& server : servers_) server->stop();
  io_.stop();
  for (auto& t : threads_) t.join();
  try {
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    tx.commit();
  } catch (const std::exception&) {
    // a schema left behind has a unique name and does not disturb later runs
  }
}

GatewayOptions GatewayHarness::options() const {
  GatewayOptions options;
  options.user = kUser;
  options.password = hash_password(kPassword, 1000);
  options.ticket_ttl = std::chrono::seconds(60);
  options.work_wait = std::chrono::milliseconds(300);
  options.work_poll = std::chrono::milliseconds(50);
  options.first_work_wait = std::chrono::milliseconds(300);
  options.idle_session_every = std::chrono::seconds(0);
  options.max_login_failures = 3;
  options.qwc.app_name = "ml-connector test";
  options.qwc.app_url = "http://localhost/qbwc";
  options.qwc.app_support = "http://localhost/qbwc";
  options.qwc.app_description = "test";
  options.qwc.user_name = kUser;
  options.qwc.owner_id = "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}";
  options.qwc.file_id = "{C2A8D7E5-2D47-4C5B-9D2E-6A9A1F0E7B31}";
  return options;
}

std::string GatewayHarness::url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/qbwc"; }
unsigned short GatewayHarness::port() const { return servers_.back()->port(); }

void GatewayHarness::enqueue(const messages::QbxmlRequest& request) {
  auto lease = pool.acquire();
  pqxx::work tx(*lease);
  const auto id = core::new_uuid();
  auto result = gateway().enqueue(tx, messages::encode(request, {id, id, std::nullopt, {}}));
  if (!result) throw std::runtime_error(result.error().reason);
  tx.commit();
}

std::int64_t GatewayHarness::count(const std::string& state) {
  auto lease = pool.acquire();
  pqxx::work tx(*lease);
  return tx.exec_params("SELECT count(*) FROM requests WHERE state = $1", state).at(0)[0].as<std::int64_t>();
}

qbwc_sim::SessionReport GatewayHarness::run_session(qbwc_sim::QuickBooksDesktop& quickbooks,
                                                    const std::string& password, double lose) {
  qbwc_sim::WebConnectorOptions options;
  options.url = url();
  options.user = kUser;
  options.password = password;
  options.noop_pause = std::chrono::milliseconds(100);
  options.http_timeout = std::chrono::seconds(30);
  options.faults.lose = lose;
  qbwc_sim::WebConnector connector(options, quickbooks, log);
  return connector.run_session();
}

BusRoundTrip::BusRoundTrip(GatewayHarness& harness)
    : requests_("qbwc-gw-requests", std::chrono::seconds(1), {"qbxml.request"}),
      responses_("qbwc-gw-responses", std::chrono::seconds(1), {"qbxml.response", "qbwc.session"}) {
  topology_ = requests_.topology();
  topology_.queues.push_back(responses_.topology().queues.front());
  settings_.pg_url = testing::pg_url();
  settings_.amqp_url = testing::amqp_url();
  settings_.relay_interval = std::chrono::milliseconds(100);
  Gateway& gateway = harness.gateway();
  relay_ = std::make_unique<service::OutboxRelayLoop>(settings_, harness.pool, harness.schema, harness.log, topology_);
  service::ConsumerExtras extras;
  extras.topology = topology_;
  consumer_ = std::make_unique<service::MessageConsumer>(
      settings_, harness.pool, harness.schema, requests_.queue(),
      [&gateway](pqxx::work& tx, const messages::Envelope& envelope) {
        if (auto queued = gateway.enqueue(tx, envelope); !queued) throw service::Rejection(queued.error().reason);
      },
      harness.log, extras);
  consumer_->start();
}

BusRoundTrip::~BusRoundTrip() {
  consumer_->stop();
  relay_->stop();
}

void BusRoundTrip::publish(const messages::QbxmlRequest& request) {
  bus::PublisherOptions options;
  options.topology = topology_;
  bus::Publisher publisher(bus::testing::broker_url(), options);
  const auto id = core::new_uuid();
  const auto envelope = messages::encode(
      request, {id, id, std::nullopt, std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now())});
  if (auto published = publisher.publish(topology_.exchange, {id, envelope.type, envelope.to_json(), {}}); !published)
    throw std::runtime_error("publishing the qbxml.request failed: " + published.error().message);
}

std::optional<messages::Envelope> BusRoundTrip::next(std::chrono::milliseconds timeout) {
  auto delivery = bus::testing::take_one(topology_.queues.back().name, timeout);
  if (!delivery) return std::nullopt;
  auto envelope = messages::Envelope::parse(delivery->body);
  if (!envelope) throw std::runtime_error("the gateway published an invalid message: " + delivery->body);
  return *envelope;
}

messages::QbxmlRequest request_of(const std::string& element_template, messages::QbxmlRequestKind kind, int priority) {
  messages::QbxmlRequest request;
  request.request_id = core::new_uuid();
  request.kind = kind;
  request.priority = priority;
  std::string element = element_template;
  for (auto at = element.find("{id}"); at != std::string::npos; at = element.find("{id}"))
    element.replace(at, 4, request.request_id);
  request.request_xml = element;
  return request;
}

std::unique_ptr<qbwc_sim::QuickBooksDesktop> small_quickbooks(qbwc_sim::Company& company, core::Logger& log) {
  qbwc_sim::QuickBooksOptions options;
  options.sleep = [](std::chrono::milliseconds) {};
  return std::make_unique<qbwc_sim::QuickBooksDesktop>(company, options, log);
}

}  // namespace ml::qbwc_gateway::test
