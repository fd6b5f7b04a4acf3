#include <boost/asio/io_context.hpp>
#include <prometheus/registry.h>

#include <iostream>
#include <memory>

#include "ml/core/clock.hpp"
#include "ml/core/config.hpp"
#include "ml/core/graceful_stop.hpp"
#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"
#include "ml/reconciler/console.hpp"
#include "ml/reconciler/reconciler.hpp"
#include "ml/reconciler/revalidation.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/service/settings.hpp"
#include "ml/service/topology.hpp"
#include "ml/store/pool.hpp"

using namespace ml;

namespace {

struct Config {
  service::ServiceSettings service;
  reconciler::ReconcilerOptions reconciler;
  reconciler::ConsoleOptions console;
};

Config read_config() {
  core::ConfigReader reader;
  Config config{service::read_service_settings(reader), {}, {}};
  auto& options = config.reconciler;
  const auto rules = reconciler::parse_customer_rules(
      reader.text("ML_RECONCILER_CUSTOMER_MATCH_ORDER", std::string("email,name,mapping,store_default")));
  options.machine.match.discount_item = reader.text("ML_RECONCILER_DISCOUNT_ITEM", std::string("Discount"));
  options.machine.match.shipping_item = reader.text("ML_RECONCILER_SHIPPING_ITEM", std::string("Shipping"));
  options.machine.match.tax_item = reader.text("ML_RECONCILER_TAX_ITEM", std::string("Sales Tax"));
  options.store_qualified_keys = reader.flag("ML_RECONCILER_STORE_QUALIFIED_KEYS", false);
  options.machine.txn_kind =
      messages::enum_from_string<messages::TxnKind>(
          reader.choice("ML_RECONCILER_TXN_KIND", "invoice", {"invoice", "journal_entry"}))
          .value_or(messages::TxnKind::invoice);
  config.console.token = reader.text("ML_RECONCILER_CONSOLE_TOKEN", std::string(), core::Sensitivity::secret);
  config.console.rabbit_ui_url = reader.text("ML_RECONCILER_RABBIT_UI_URL", std::string());
  config.console.schema = options.schema;
  std::vector<std::string> problems;
  try {
    reader.finish();
  } catch (const core::ConfigError& error) {
    problems = error.problems();
  }
  if (rules) options.machine.match.customer_rules = *rules;
  else problems.push_back("ML_RECONCILER_CUSTOMER_MATCH_ORDER: " + rules.error());
  if (!config.console.token.empty() && config.console.token.size() < 16)
    problems.push_back("ML_RECONCILER_CONSOLE_TOKEN: at least 16 characters (empty = no console)");
  if (!problems.empty()) throw core::ConfigError(problems);
  return config;
}

}  // namespace

int main() {
  core::Logger log("reconciler");
  Config config;
  try {
    config = read_config();
  } catch (const core::ConfigError& error) {
    std::cerr << "reconciler: " << error.what() << "\n";
    return 2;
  }
  log.set_level(config.service.log_level);

  store::ConnectionPool pool(config.service.pg_url, config.service.pool_size);
  {
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, config.reconciler.schema, reconciler::reconciler_migrations());
  }
  core::SystemClock clock;
  reconciler::Reconciler reconciler(config.reconciler, clock);

  service::OutboxRelayLoop relay(config.service, pool, config.reconciler.schema, log, service::topology());
  const service::ConsumerExtras extras{.after_commit = [&relay] { relay.poke(); }};
  const auto consumer = [&](const char* queue, auto apply) {
    return std::make_unique<service::MessageConsumer>(
        config.service, pool, config.reconciler.schema, queue,
        [&reconciler, apply](pqxx::work& tx, const messages::Envelope& e) { (reconciler.*apply)(tx, e); }, log, extras);
  };
  auto shipstation = consumer(service::queue::reconciler_shipstation, &reconciler::Reconciler::apply_shipstation);
  auto quickbooks = consumer(service::queue::reconciler_quickbooks, &reconciler::Reconciler::apply_quickbooks);
  auto alerts = consumer(service::queue::reconciler_alerts, &reconciler::Reconciler::apply_alert);

  boost::asio::io_context io;
  core::HttpServer http(io, config.service.http, std::make_shared<prometheus::Registry>(), log);
  http.add_readiness_check("broker", [&] {
    const bool up = shipstation->connected() && quickbooks->connected() && alerts->connected();
    return up ? std::string() : std::string("not connected to RabbitMQ");
  });
  http.route(core::http::verb::post, "/revalidate",
             reconciler::revalidation_handler(pool, reconciler, [&relay] { relay.poke(); }));
  if (!config.console.token.empty())
    reconciler::add_console_routes(http, pool, reconciler, config.console, [&relay] { relay.poke(); });
  if (auto error = http.start()) {
    log.error("cannot serve HTTP", {{"error", error.message()}});
    return 1;
  }
  shipstation->start();
  quickbooks->start();
  alerts->start();
  log.info("reconciler started");

  core::GracefulStop stop(io, log, config.service.drain_deadline);
  stop.on_stop([&] {
    http.stop();
    shipstation->stop();
    quickbooks->stop();
    alerts->stop();
    relay.stop();
  });
  io.run();
  return stop.exit_code();
}
