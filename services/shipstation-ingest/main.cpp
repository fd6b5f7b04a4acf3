#include <boost/asio/io_context.hpp>

#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include "ml/core/graceful_stop.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/service/settings.hpp"
#include "ml/service/topology.hpp"
#include "ml/shipstation_ingest/migrations.hpp"
#include "ml/shipstation_ingest/periodic_task.hpp"
#include "ml/shipstation_ingest/poller.hpp"
#include "ml/shipstation_ingest/resource_worker.hpp"
#include "ml/shipstation_ingest/settings.hpp"
#include "ml/shipstation_ingest/webhook_endpoint.hpp"
#include "ml/store/migrations.hpp"

namespace {

using namespace ml;
using namespace ml::shipstation_ingest;
constexpr const char* kSchema = "shipstation_ingest";
// The poll lock holds one connection for a whole run; the page, the worker, the relay and the
// webhook threads need theirs at the same time.
constexpr std::size_t kDefaultPoolSize = 8;

int run() {
  core::ConfigReader config;
  auto settings = service::read_service_settings(config);
  auto ingest = read_ingest_settings(config);
  if (!std::getenv("ML_PG_POOL_SIZE")) settings.pool_size = kDefaultPoolSize;
  std::vector<std::string> problems = ingest.problems;
  try {
    config.finish();
  } catch (const core::ConfigError& e) {
    problems.insert(problems.begin(), e.problems().begin(), e.problems().end());
  }
  if (!problems.empty()) {
    std::cerr << "shipstation-ingest: configuration problems:\n";
    for (const auto& p : problems) std::cerr << "  " << p << "\n";
    return 2;
  }

  core::Logger log(kServiceName);
  log.set_level(settings.log_level);
  for (const auto& line : config.describe()) log.info("config", {{"setting", line}});
  store::ConnectionPool pool(settings.pg_url, settings.pool_size, {.schema = kSchema});
  {
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, kSchema, migrations());
  }
  core::SystemClock clock;
  auto registry = std::make_shared<prometheus::Registry>();
  IngestMetrics metrics(*registry);
  IngestStore store(pool, kSchema);
  service::OutboxRelayLoop relay(settings, pool, kSchema, log, service::topology());

  // One client per thread; both share the API key's process-wide rate limiter.
  shipstation::Client fetch_client(ingest.client);
  shipstation::Client poll_client(ingest.client);
  ResourceWorker worker(store, fetch_client,
                        {.max_attempts = ingest.fetch_max_attempts,
                         .retry_backoff = ingest.fetch_retry_backoff,
                         .lease = ingest.fetch_lease,
                         .after_commit = [&relay] { relay.poke(); }},
                        clock, metrics, log);
  Poller poller(store, poll_client,
                {.api_key_id = api_key_id(ingest.client.api_key),
                 .sync_from = ingest.sync_from,
                 .timing = ingest.timing,
                 .after_commit = [&relay] { relay.poke(); }},
                clock, metrics, log);
  PeriodicTask fetching(
      "fetch", ingest.fetch_interval, [&worker] { return worker.run_once(); }, log);
  PeriodicTask polling(
      "poll", ingest.poll_interval,
      [&poller] {
        poller.run_once();
        return false;
      },
      log);

  boost::asio::io_context io;
  core::HttpServer server(io, settings.http, registry, log);
  WebhookEndpoint webhooks(store,
                           {.token = ingest.webhook_token,
                            .body_limit = ingest.webhook_body_limit,
                            .base = *shipstation::parse_url(ingest.client.base_url),
                            .after_store = [&fetching] { fetching.poke(); }},
                           metrics, log);
  webhooks.register_routes(server);
  if (auto ec = server.start()) {
    log.error("cannot listen", {{"error", ec.message()}});
    return 1;
  }
  fetching.start();
  if (ingest.poll_enabled) polling.start();

  core::GracefulStop stop(io, log, settings.drain_deadline);
  stop.on_stop([&] {
    server.stop();
    polling.stop();
    fetching.stop();
    relay.stop();
  });
  log.info("shipstation-ingest listening", {{"port", static_cast<std::int64_t>(server.port())}});
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < ingest.io_threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : threads) t.join();
  return stop.exit_code();
}

}  // namespace

int main() {
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << "shipstation-ingest: " << e.what() << "\n";
    return 1;
  }
}
