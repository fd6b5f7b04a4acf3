// qbwc-sim: plays the QuickBooks Web Connector and a QuickBooks Desktop company.
#include <atomic>
#include <csignal>
#include <iostream>
#include <map>
#include <thread>

#include "commands.hpp"
#include "ml/qbwc_sim/company_json.hpp"
#include "ml/qbwc_sim/web_connector.hpp"

namespace {

using namespace ml::qbwc_sim;

std::atomic<bool> stop_requested{false};

constexpr const char* kUsage =
    "usage: qbwc-sim run --url URL --user NAME --password TEXT --company FILE\n"
    "                    [--every SECONDS] [--faults lose=0.1,lock=0.05,...] [--seed N] [--schema XSD]\n"
    "       qbwc-sim company show|invoices|export FILE\n"
    "       qbwc-sim company seed small|large|merchant FILE [--seed N] [--catalogue CATALOGUE.json] [--on-hand N]\n";

std::map<std::string, std::string> options_of(const std::vector<std::string>& args) {
  std::map<std::string, std::string> options;
  for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
    if (!args[i].starts_with("--")) throw std::invalid_argument("unexpected argument '" + args[i] + "'");
    options[args[i].substr(2)] = args[i + 1];
  }
  if (args.size() % 2 == 0) throw std::invalid_argument("option '" + args.back() + "' needs a value");
  return options;
}

std::string required(const std::map<std::string, std::string>& options, const std::string& key) {
  const auto it = options.find(key);
  if (it == options.end()) throw std::invalid_argument("--" + key + " is required");
  return it->second;
}

void wait_seconds(int seconds) {
  for (int tenth = 0; tenth < seconds * 10 && !stop_requested; ++tenth)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

int run(const std::vector<std::string>& args) {
  const auto options = options_of(args);
  const std::string file = required(options, "company");
  const std::uint64_t seed = options.contains("seed") ? std::stoull(options.at("seed")) : 1;
  const int every = options.contains("every") ? std::stoi(options.at("every")) : 0;
  auto faults = FaultPlan::parse(options.contains("faults") ? options.at("faults") : "", seed);
  if (!faults) throw std::invalid_argument(faults.error());
  auto company = load_company(file);
  if (!company) throw std::invalid_argument(company.error());

  ml::core::Logger log("qbwc-sim");
  QuickBooksOptions qb_options;
  qb_options.faults = *faults;
  if (options.contains("schema")) qb_options.schema = options.at("schema");
  QuickBooksDesktop quickbooks(*company, qb_options, log);
  WebConnectorOptions wc_options;
  wc_options.url = required(options, "url");
  wc_options.user = required(options, "user");
  wc_options.password = required(options, "password");
  wc_options.faults = *faults;
  WebConnector connector(wc_options, quickbooks, log);
  log.info("qbwc-sim started", {{"url", wc_options.url}, {"company", file}, {"faults", faults->describe()}});

  for (;;) {
    const SessionReport report = connector.run_session();
    if (auto saved = save_company(*company, file); !saved) throw std::runtime_error(saved.error());
    log.info("session finished", {{"outcome", std::string(to_string(report.outcome))},
                                  {"request_sets", report.request_sets},
                                  {"last_error", report.last_error},
                                  {"close", report.close_message}});
    if (every <= 0 || stop_requested) return report.outcome == SessionOutcome::completed ||
                                                     report.outcome == SessionOutcome::nothing_to_do
                                                 ? 0
                                                 : 1;
    wait_seconds(std::max({every, report.postpone_seconds.value_or(0), report.min_run_every_seconds.value_or(0)}));
    if (stop_requested) return 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, [](int) { stop_requested = true; });
  std::signal(SIGTERM, [](int) { stop_requested = true; });
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && args[0] == "run") return run(args);
    if (!args.empty() && args[0] == "company") return ml::qbwc_sim::cli::company_command(args);
    std::cerr << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "qbwc-sim: " << e.what() << "\n" << kUsage;
    return 2;
  }
}
