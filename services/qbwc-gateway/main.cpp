#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "ml/core/graceful_stop.hpp"
#include "ml/qbwc_gateway/migrations.hpp"
#include "ml/qbwc_gateway/settings.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/service/settings.hpp"
#include "ml/service/topology.hpp"
#include "ml/store/migrations.hpp"

namespace {

using namespace ml;
constexpr const char* kSchema = "qbwc_gateway";
constexpr std::size_t kDefaultBodyLimit = 32 * 1024 * 1024;  // a large query answer is a few MB

// `qbwc-gateway hash-password [--iterations N]`: reads the password from stdin (never argv, which
// other users can see) and prints the ML_QBWC_PASSWORD_HASH value.
int hash_password_command(int argc, char** argv) {
  std::uint32_t iterations = qbwc_gateway::kDefaultIterations;
  if (argc == 4 && std::string(argv[2]) == "--iterations") {
    iterations = static_cast<std::uint32_t>(std::strtoul(argv[3], nullptr, 10));
  } else if (argc != 2) {
    std::cerr << "usage: qbwc-gateway hash-password [--iterations N] < password\n";
    return 2;
  }
  if (iterations == 0) {
    std::cerr << "--iterations must be a positive number\n";
    return 2;
  }
  std::string password;
  std::getline(std::cin, password);
  if (password.empty()) {
    std::cerr << "no password on standard input\n";
    return 2;
  }
  std::cout << qbwc_gateway::hash_password(password, iterations).to_string() << "\n";
  return 0;
}

void sweep_every(boost::asio::steady_timer& timer, std::chrono::milliseconds interval, qbwc_gateway::Gateway& gateway,
                 core::Logger& log) {
  timer.expires_after(interval);
  timer.async_wait([&timer, interval, &gateway, &log](const boost::system::error_code& ec) {
    if (ec) return;
    try {
      gateway.sweep_expired();
    } catch (const std::exception& e) {
      log.error("sweeping expired sessions failed", {{"error", e.what()}});
    }
    sweep_every(timer, interval, gateway, log);
  });
}

int run() {
  core::ConfigReader config;
  auto settings = service::read_service_settings(config);
  auto gateway_settings = qbwc_gateway::read_gateway_settings(config);
  if (!std::getenv("ML_HTTP_BODY_LIMIT")) settings.http.body_limit = kDefaultBodyLimit;
  settings.http.tls = gateway_settings.tls;
  std::vector<std::string> problems = gateway_settings.problems;
  try {
    config.finish();
  } catch (const core::ConfigError& e) {
    problems.insert(problems.begin(), e.problems().begin(), e.problems().end());
  }
  if (!problems.empty()) {
    std::cerr << "qbwc-gateway: configuration problems:\n";
    for (const auto& p : problems) std::cerr << "  " << p << "\n";
    return 2;
  }

  core::Logger log("qbwc-gateway");
  log.set_level(settings.log_level);
  for (const auto& line : config.describe()) log.info("config", {{"setting", line}});
  store::ConnectionPool pool(settings.pg_url, settings.pool_size, {.schema = kSchema});
  {
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, kSchema, qbwc_gateway::migrations());
  }
  core::SystemClock clock;
  qbwc_gateway::Gateway gateway(pool, kSchema, gateway_settings.gateway, clock, log);

  service::OutboxRelayLoop relay(settings, pool, kSchema, log, service::topology());
  service::MessageConsumer consumer(
      settings, pool, kSchema, service::queue::gateway_requests,
      [&gateway](pqxx::work& tx, const messages::Envelope& envelope) {
        if (auto queued = gateway.enqueue(tx, envelope); !queued) throw service::Rejection(queued.error().reason);
      },
      log);

  boost::asio::io_context io;
  core::HttpServer server(io, settings.http, gateway.metrics_registry(), log);
  gateway.register_routes(server);
  server.add_readiness_check("consumer", [&consumer] {
    return consumer.connected() ? std::string() : std::string("not connected to RabbitMQ");
  });
  if (auto ec = server.start()) {
    log.error("cannot listen", {{"error", ec.message()}});
    return 1;
  }
  consumer.start();
  boost::asio::steady_timer sweep_timer(io);
  sweep_every(sweep_timer, gateway_settings.sweep_interval, gateway, log);

  core::GracefulStop stop(io, log, settings.drain_deadline);
  stop.on_stop([&] {
    server.stop();
    sweep_timer.cancel();
    consumer.stop();
    relay.stop();
  });
  log.info("qbwc-gateway listening", {{"port", static_cast<std::int64_t>(server.port())}});
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < gateway_settings.io_threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : threads) t.join();
  return stop.exit_code();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "hash-password") return hash_password_command(argc, argv);
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << "qbwc-gateway: " << e.what() << "\n";
    return 1;
  }
}
