#include "ingest_fixture.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <pqxx/pqxx>

#include "ml/core/ids.hpp"
#include "ml/shipstation_ingest/migrations.hpp"
#include "ml/store/migrations.hpp"
#include "ml/testing/environment.hpp"

namespace ingest_test {
namespace {

namespace net = boost::asio;
namespace http = ml::core::http;

unsigned short free_port() {
  net::io_context io;
  net::ip::tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

ml::store::PoolOptions pool_options(const std::string& schema) {
  ml::store::PoolOptions options;
  options.schema = schema;
  return options;
}

}  // namespace

ml::core::TimePoint utc(const char* rfc3339) {
  const auto parsed = ml::core::parse_rfc3339(rfc3339);
  if (!parsed) throw std::invalid_argument(std::string("bad test instant ") + rfc3339);
  return *parsed;
}

HttpAnswer post(unsigned short port, const std::string& target, const std::string& body,
                const std::string& authorization) {
  net::io_context io;
  net::ip::tcp::socket socket(io);
  socket.connect({net::ip::make_address("127.0.0.1"), port});
  ml::core::HttpRequest request{http::verb::post, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::content_type, "application/json");
  request.set(http::field::user_agent, "ShipStation Webhooks");
  if (!authorization.empty()) request.set(http::field::authorization, authorization);
  request.body() = body;
  request.prepare_payload();
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  ml::core::HttpResponse response;
  http::read(socket, buffer, response);
  return {static_cast<int>(response.result_int()), response.body()};
}

std::set<std::int64_t> Published::distinct_order_ids() const {
  std::set<std::int64_t> ids;
  for (const auto& o : orders) ids.insert(o.order_id);
  return ids;
}

Harness::Harness(sim::SimOptions options, ml::core::TimePoint now)
    : clock_(std::make_shared<ml::core::ManualClock>(now)),
      sim_port_(free_port()),
      schema_("shipstation_ingest_it_" + ml::core::new_uuid().substr(0, 8)),
      log_("shipstation-ingest-tests", &log_text_),
      registry_(std::make_shared<prometheus::Registry>()) {
  options.clock = clock_;
  options.address = "127.0.0.1";
  options.port = sim_port_;
  options.resource_base_url = sim_url();
  sim_ = std::make_unique<sim::SimServer>(sim_io_, std::move(options));
  if (auto ec = sim_->start()) throw std::runtime_error("simulator cannot listen: " + ec.message());
  threads_.emplace_back([this] { sim_io_.run(); });

  pool_ = std::make_unique<ml::store::ConnectionPool>(ml::testing::pg_url(), 6, pool_options(schema_));
  {
    auto lease = pool_->acquire();
    ml::store::prepare_service_schema(*lease, schema_, ingest::migrations());
  }
  metrics_ = std::make_unique<ingest::IngestMetrics>(*registry_);
  store_ = std::make_unique<ingest::IngestStore>(*pool_, schema_);
  limiter_ =
      std::make_shared<ss::RateLimiter>(clock_, [clock = clock_](std::chrono::milliseconds d) { clock->advance(d); });
  worker_client_ = client();
  worker_ = std::make_unique<ingest::ResourceWorker>(
      *store_, *worker_client_, ingest::WorkerOptions{.retry_backoff = std::chrono::milliseconds(0)}, *clock_,
      *metrics_, log_);

  ml::core::HttpServerOptions http_options;
  http_options.address = "127.0.0.1";
  http_options.port = 0;
  server_ = std::make_unique<ml::core::HttpServer>(ingest_io_, http_options, registry_, log_);
  endpoint_ = std::make_unique<ingest::WebhookEndpoint>(
      *store_, ingest::WebhookOptions{.token = kToken, .body_limit = 4096, .base = *ss::parse_url(sim_url())},
      *metrics_, log_);
  endpoint_->register_routes(*server_);
  if (auto ec = server_->start()) throw std::runtime_error("ingest cannot listen: " + ec.message());
  threads_.emplace_back([this] { ingest_io_.run(); });
}

Harness::~Harness() {
  server_->stop();
  sim_->stop();
  sim_io_.stop();
  ingest_io_.stop();
  for (auto& t : threads_) t.join();
  try {
    auto lease = pool_->acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA " + schema_ + " CASCADE");
    tx.commit();
  } catch (const std::exception&) {
  }
}

std::unique_ptr<ss::Client> Harness::client(int throttle_retries) {
  ss::ClientOptions options;
  options.base_url = sim_url();
  options.api_key = "ShipStation";
  options.api_secret = "Rocks";
  options.page_size = 100;
  options.server_retries = 1;
  options.retry_backoff = std::chrono::milliseconds(1);
  options.throttle_retries = throttle_retries;
  return std::make_unique<ss::Client>(options, limiter_, [](std::chrono::milliseconds) {});
}

std::unique_ptr<ingest::Poller> Harness::poller(int throttle_retries) {
  struct OwningPoller : ingest::Poller {
    OwningPoller(std::unique_ptr<ss::Client> c, Harness& h, ingest::PollerOptions o, ingest::IngestMetrics& m,
                 ml::core::Logger& l)
        : ingest::Poller(h.store(), *c, std::move(o), h.clock(), m, l), client(std::move(c)) {}
    std::unique_ptr<ss::Client> client;
  };
  auto c = client(throttle_retries);
  return std::make_unique<OwningPoller>(
      std::move(c), *this,
      ingest::PollerOptions{.api_key_id = ingest::api_key_id("ShipStation"), .sync_from = utc("2026-03-01T00:00:00Z")},
      *metrics_, log_);
}

HttpAnswer Harness::notify(const std::string& resource_url, const std::string& type) {
  return post(ingest_port(), webhook_target(),
              R"({"resource_url":")" + resource_url + R"(","resource_type":")" + type + R"("})");
}

void Harness::drain_worker(int limit) {
  for (int i = 0; i < limit && worker_->run_once(); ++i) {
  }
}

Published Harness::published() {
  Published out;
  auto lease = pool_->acquire();
  pqxx::read_transaction tx(*lease);
  for (const auto& row : tx.exec("SELECT body FROM " + schema_ + ".outbox ORDER BY seq")) {
    const auto envelope = ml::messages::Envelope::parse(row[0].as<std::string>());
    if (!envelope) throw std::runtime_error("outbox holds an invalid message: " + envelope.error().to_string());
    if (auto o = ml::messages::decode<ml::messages::SsOrderChanged>(*envelope)) out.orders.push_back(*o);
    if (auto s = ml::messages::decode<ml::messages::SsShipmentChanged>(*envelope)) out.shipments.push_back(*s);
    if (auto b = ml::messages::decode<ml::messages::SsBatchReceived>(*envelope)) out.batches.push_back(*b);
  }
  return out;
}

std::int64_t Harness::count(const std::string& sql) {
  auto lease = pool_->acquire();
  pqxx::read_transaction tx(*lease);
  return tx.exec1(sql)[0].as<std::int64_t>();
}

std::int64_t Harness::first_store() {
  std::int64_t id = 0;
  scenario().inspect([&](const sim::Account& account) { id = account.stores.at(0).store_id; });
  return id;
}

std::string Harness::import_batch_of(std::int64_t order_id) {
  std::string batch;
  scenario().inspect([&](const sim::Account& a) { batch = a.orders.at(order_id).import_batch; });
  return batch;
}

sim::NewOrder simple_order(std::int64_t store_id) {
  sim::NewOrder order;
  order.store_id = store_id;
  order.customer_name = "Grace Hopper";
  sim::NewItem board;
  board.sku = "HG-OAK-1000";
  board.name = "Oak Cutting Board";
  board.quantity = 2;
  board.unit_price = ml::core::Decimal::from_string("24.95");
  order.items.push_back(board);
  return order;
}

}  // namespace ingest_test
