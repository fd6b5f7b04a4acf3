// shipstation-sim: a ShipStation V1 simulator for development, end-to-end tests and demos.
#include <utility>

#include <boost/asio/io_context.hpp>

#include <charconv>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/graceful_stop.hpp"
#include "ml/shipstation_sim/generator.hpp"
#include "ml/shipstation_sim/sim_server.hpp"

namespace {

namespace sim = ml::shipstation_sim;

constexpr const char* kUsage = R"(usage:
  shipstation-sim serve [--port P] [--bind ADDR] [--key K] [--secret S]
                        [--seed N] [--orders N] [--month YYYY-MM]
                        [--rate-limit N] [--rate-window SECONDS]
                        [--webhook-delay-ms MS] [--resource-base-url URL] [--log-requests]
  shipstation-sim catalogue [--seed N]        print the seed catalogue/customer list as JSON
  shipstation-sim generate [--seed N] [--orders N] [--month YYYY-MM]
                                              print what the generated month contains
Defaults: port 8080, bind 127.0.0.1, key ShipStation, secret Rocks, seed 1, orders 2000,
month 2026-03, rate limit 40 per 60 s. --orders 0 serves the three stores and no orders.
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Arguments {
 public:
  Arguments(int argc, char** argv) {
    for (int i = 2; i < argc; ++i) {
      std::string name = argv[i];
      if (!name.starts_with("--")) throw UsageError("unexpected argument '" + name + "'");
      if (name == "--log-requests") {
        values_[name] = "true";
      } else if (i + 1 < argc) {
        values_[name] = argv[++i];
      } else {
        throw UsageError(name + " needs a value");
      }
    }
  }

  std::string text(const std::string& name, std::string fallback) {
    used_.push_back(name);
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
  }

  std::int64_t number(const std::string& name, std::int64_t fallback, std::int64_t min, std::int64_t max) {
    const auto value = text(name, std::to_string(fallback));
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc{} || end != value.data() + value.size() || out < min || out > max)
      throw UsageError(name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return out;
  }

  void finish() const {
    for (const auto& [name, value] : values_)
      if (std::find(used_.begin(), used_.end(), name) == used_.end()) throw UsageError("unknown option " + name);
  }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> used_;
};

sim::GeneratorOptions generator_options(Arguments& args) {
  sim::GeneratorOptions options;
  options.seed = static_cast<std::uint64_t>(args.number("--seed", 1, 0, INT64_MAX));
  options.orders = static_cast<int>(args.number("--orders", 2000, 0, 100'000));
  const auto month = args.text("--month", "2026-03");
  unsigned m = 0;
  if (month.size() != 7 || month[4] != '-' ||
      std::from_chars(month.data(), month.data() + 4, options.year).ec != std::errc{} ||
      std::from_chars(month.data() + 5, month.data() + 7, m).ec != std::errc{} || m < 1 || m > 12)
    throw UsageError("--month must look like 2026-03");
  options.month = m;
  return options;
}

int serve(Arguments& args) {
  sim::SimOptions options;
  options.port = static_cast<unsigned short>(args.number("--port", 8080, 0, 65535));
  options.address = args.text("--bind", "127.0.0.1");
  options.api_key = args.text("--key", options.api_key);
  options.api_secret = args.text("--secret", options.api_secret);
  options.rate_limit = static_cast<int>(args.number("--rate-limit", 40, 1, 1'000'000));
  options.rate_window = std::chrono::seconds(args.number("--rate-window", 60, 1, 86'400));
  options.webhook_delay = std::chrono::milliseconds(args.number("--webhook-delay-ms", 0, 0, 3'600'000));
  options.resource_base_url = args.text("--resource-base-url", "");
  options.log_requests = args.text("--log-requests", "false") == "true";
  const auto month = generator_options(args);
  options.seed = month.seed;
  if (month.orders > 0) options.month = month;
  args.finish();

  boost::asio::io_context io;
  sim::SimServer server(io, options);
  ml::core::Logger log("shipstation-sim");
  if (auto ec = server.start()) {
    log.error("cannot listen", {{"address", options.address}, {"port", int(options.port)}, {"error", ec.message()}});
    return 1;
  }
  std::cout << "listening http://" << options.address << ":" << server.port() << std::endl;
  log.info("listening", {{"port", int(server.port())}, {"orders", month.orders}, {"seed", static_cast<std::int64_t>(month.seed)}});
  ml::core::GracefulStop stop(io, log, std::chrono::seconds(5));
  stop.on_stop([&server] { server.stop(); });
  io.run();
  return stop.exit_code();
}

int catalogue(Arguments& args) {
  const auto seed = static_cast<std::uint64_t>(args.number("--seed", 1, 0, INT64_MAX));
  args.finish();
  std::cout << sim::catalogue_json(seed, sim::merchant_stores(seed), sim::merchant_catalogue(seed)) << "\n";
  return 0;
}

int generate(Arguments& args) {
  const auto options = generator_options(args);
  args.finish();
  const auto month = sim::generate_month(options);
  const auto& s = month.stats;
  std::cout << "{\"orders\":" << s.orders << ",\"unknownSkuOrders\":" << s.unknown_sku_orders
            << ",\"unknownCustomerOrders\":" << s.unknown_customer_orders << ",\"discountedOrders\":" << s.discounted_orders
            << ",\"editedOrders\":" << s.edited_orders << ",\"cancelledOrders\":" << s.cancelled_orders
            << ",\"awaitingPaymentOrders\":" << s.awaiting_payment_orders << ",\"splitOrders\":" << s.split_orders
            << ",\"markedShippedOrders\":" << s.marked_shipped_orders << ",\"labels\":" << s.labels
            << ",\"voidedLabels\":" << s.voided_labels << ",\"labelBatches\":" << s.label_batches
            << ",\"reusedOrderNumbers\":" << s.reused_order_numbers << "}\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  try {
    Arguments args(argc, argv);
    if (command == "serve") return serve(args);
    if (command == "catalogue") return catalogue(args);
    if (command == "generate") return generate(args);
    if (command == "--help" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    throw UsageError(command.empty() ? "a command is required" : "unknown command '" + command + "'");
  } catch (const UsageError& e) {
    std::cerr << "shipstation-sim: " << e.what() << "\n" << kUsage;
    return 2;
  }
}
