// The smallest service shape: config, JSON logs, health/metrics HTTP, graceful stop on SIGTERM.
#include <utility>

#include <boost/asio/io_context.hpp>
#include <prometheus/counter.h>

#include <iostream>

#include "ml/core/config.hpp"
#include "ml/core/graceful_stop.hpp"
#include "ml/core/http_server.hpp"

int main() {
  ml::core::Logger log("core-example", &std::cout);
  ml::core::ConfigReader config;
  ml::core::HttpServerOptions options;
  options.address = config.text("ML_HTTP_ADDRESS", "127.0.0.1");
  options.port = static_cast<unsigned short>(config.integer("ML_HTTP_PORT", 8080, 0, 65535));
  const auto drain = config.duration("ML_DRAIN_DEADLINE", std::chrono::seconds(10));
  try {
    config.finish();
  } catch (const ml::core::ConfigError& e) {
    log.error(e.what());
    return 2;
  }

  boost::asio::io_context io;
  auto registry = std::make_shared<prometheus::Registry>();
  auto& hellos = prometheus::BuildCounter().Name("ml_example_hellos_total").Help("Greetings served").Register(*registry).Add({});
  ml::core::HttpServer server(io, options, registry, log);
  server.route(ml::core::http::verb::get, "/hello", [&hellos](const ml::core::HttpRequest& request) {
    hellos.Increment();
    return ml::core::make_response(request, ml::core::http::status::ok, "hello\n");
  });
  if (auto ec = server.start()) {
    log.error("cannot listen", {{"address", options.address}, {"port", int(options.port)}, {"error", ec.message()}});
    return 1;
  }
  log.info("listening", {{"port", int(server.port())}});

  ml::core::GracefulStop stop(io, log, drain);
  stop.on_stop([&server] { server.stop(); });
  io.run();
  log.info("stopped");
  return stop.exit_code();
}
