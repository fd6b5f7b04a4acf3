#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "ml/merchant_demo/live_changes.hpp"
#include "ml/merchant_demo/month_end.hpp"
#include "ml/merchant_demo/stack.hpp"

using namespace ml::merchant_demo;

namespace {

constexpr const char* kConsoleToken = "demo-console-token";

constexpr const char* kUsage =
    "usage: merchant-demo --build DIR --work DIR --pg URL --amqp URL --management URL\n"
    "                     [--orders N] [--seed N] [--faults lose=0.1] [--once]\n";

std::map<std::string, std::string> parse(int argc, char** argv) {
  std::map<std::string, std::string> options{{"orders", "150"}, {"seed", "7"}, {"faults", ""}};
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--once") {
      options["once"] = "1";
    } else if (arg.starts_with("--") && i + 1 < argc) {
      options[arg.substr(2)] = argv[++i];
    } else {
      throw std::invalid_argument("unexpected argument " + arg);
    }
  }
  for (const char* required : {"build", "work", "pg", "amqp", "management"})
    if (!options.contains(required)) throw std::invalid_argument(std::string("--") + required + " is required");
  return options;
}

void wait_or_fail(MerchantStack& stack, const char* stage, std::chrono::system_clock::time_point changed_at = {}) {
  std::cout << "== " << stage << "\n";
  const bool settled = stack.wait_settled(
      std::chrono::minutes(15), [](const Progress& p) { std::cout << "   " << p.line() << "\n"; }, changed_at);
  if (!settled) throw StackError(std::string(stage) + ": not settled after 15 minutes; logs in " + stack.work_dir().string());
}

MonthEnd reconcile(MerchantStack& stack, bool keep_stopped = false) {
  const auto records = read_shipstation(stack.shipstation_base_url(), stack.shipstation_key(), stack.shipstation_secret());
  const auto known = known_entities(stack.shipstation_admin("GET", "/_sim/catalogue").body);
  if (!records || !known) throw StackError(!records ? records.error() : known.error());
  return month_end(expected_orders(*records, *known), stack.quickbooks(keep_stopped), reconciler_views(stack.database_url()));
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "merchant-demo: " << e.what() << "\n" << kUsage;
    return 2;
  }
  std::cout << std::unitbuf;
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    std::cout << "== starting shipstation-sim (" << options["orders"] << " orders of a merchant month), qbwc-sim, "
              << "shipstation-ingest, reconciler, qbxml-writer, qbwc-gateway\n";
    StackOptions stack_options;
    stack_options.binary_dir = options["build"];
    stack_options.work_dir = options["work"];
    stack_options.pg_url = options["pg"];
    stack_options.amqp_url = options["amqp"];
    stack_options.rabbit_management_url = options["management"];
    stack_options.name = "ml_demo";
    stack_options.seed = std::stoull(options["seed"]);
    stack_options.orders = std::stoi(options["orders"]);
    stack_options.web_connector_faults = options["faults"];
    stack_options.keep_database = true;
    stack_options.extra_environment["reconciler"] = {{"ML_RECONCILER_CONSOLE_TOKEN", kConsoleToken},
                                                     {"ML_RECONCILER_RABBIT_UI_URL", options["management"]}};
    MerchantStack stack(stack_options);
    wait_or_fail(stack, "ShipStation backfill → validation → QuickBooks (qbwc-sim polls every 2 s)");
    const auto records = read_shipstation(stack.shipstation_base_url(), stack.shipstation_key(), stack.shipstation_secret());
    const auto known = known_entities(stack.shipstation_admin("GET", "/_sim/catalogue").body);
    if (!records || !known) throw StackError(!records ? records.error() : known.error());
    const auto changes = apply_live_changes(stack, *records, expected_orders(*records, *known), 2);
    const auto changed_at = std::chrono::system_clock::now();
    std::cout << "== the merchant edits " << changes.edited.size() << " posted orders, voids "
              << changes.unshipped.size() << " labels, cancels " << changes.cancelled.size() << " orders and ships "
              << changes.new_orders.size() << " new ones (every SHIP_NOTIFY sent twice)\n";
    wait_or_fail(stack, "webhooks and polls → InvoiceMod / TxnVoid / InvoiceAdd", changed_at);
    const bool once = options.contains("once");
    std::cout << "\n== month-end reconciliation\n";
    reconcile(stack, once).print(std::cout);
    const auto reconciler = "http://127.0.0.1:" + std::to_string(stack.reconciler_port());
    std::cout << "\nRabbitMQ management UI: " << stack.rabbit_management_url() << "#/queues (virtual host "
              << stack.vhost() << ", user ml, password ml)\n"
              << "Operator console:       " << reconciler << "/console (token " << kConsoleToken << ")\n"
              << "mlctl:                  " << (std::filesystem::path(options["build"]) / "tools/mlctl/mlctl").string()
              << " --pg " << stack.database_url() << " --rabbit " << stack.rabbit_management_url()
              << " --rabbit-user ml --rabbit-password ml --vhost " << stack.vhost() << " --reconciler " << reconciler
              << " status | report --from 2026-03-01 --to 2026-03-31 | map sku SKU ITEM | retry ORDER\n"
              << "Logs:                   " << stack.work_dir().string() << "\n";
    if (!once) {
      std::cout << "The stack keeps running; Ctrl-C stops it.\n" << std::flush;
      int signal = 0;
      sigwait(&signals, &signal);
    }
    std::cout << "== stopping\n";
    stack.stop();
  } catch (const std::exception& e) {
    std::cerr << "merchant-demo: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
