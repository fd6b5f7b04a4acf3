// The operator console in headless Chromium over the whole system (issue 9): a needs-review order
// caused by an unknown SKU is seen in the console, the item is added to the simulated QuickBooks
// company, Retry is clicked, and the console shows the order posted; QuickBooks holds the invoice.
#include <catch2/catch.hpp>

#include <pqxx/pqxx>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>
#include <set>

#include "ml/merchant_demo/stack.hpp"
#include "ml/merchant_demo/test_stack_options.hpp"
#include "ml/qbwc_sim/company_json.hpp"
#include "ml/qbxml/posting_identity.hpp"
#include "ml/testing/environment.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using ml::merchant_demo::MerchantStack;

namespace {

constexpr const char* kToken = "console-test-token-0123456789";

struct BrowserTools {
  fs::path script;
  fs::path artefacts;
};

// Exit status 77 (ctest: skipped) with the reason when the browser tools are not installed.
BrowserTools browser_tools_or_skip() {
  const char* script = std::getenv("ML_CONSOLE_SCRIPT");
  const char* artefacts = std::getenv("ML_CONSOLE_ARTEFACTS");
  std::string missing;
  if (!script || !artefacts) missing = "ML_CONSOLE_SCRIPT/ML_CONSOLE_ARTEFACTS unset (run through ctest)";
  else if (!fs::exists("/usr/bin/chromium")) missing = "/usr/bin/chromium is missing (scripts/setup installs it)";
  else if (std::system("node --version >/dev/null 2>&1") != 0) missing = "node is missing (scripts/setup installs it)";
  else if (!fs::exists(fs::path(script).parent_path() / "node_modules/playwright-core"))
    missing = "tests/console/node_modules is missing (scripts/setup runs npm ci)";
  if (!missing.empty()) {
    std::cout << "SKIPPED: " << missing << "\n";
    std::exit(77);
  }
  fs::create_directories(artefacts);
  return {script, artefacts};
}

// Runs one step of console.mjs against the console; its output goes to the test's output.
int run_browser(const BrowserTools& tools, const MerchantStack& stack, const std::string& step,
                const std::string& order) {
  const std::string url = "http://127.0.0.1:" + std::to_string(stack.reconciler_port()) + "/console";
  const auto quote = [](const std::string& text) { return "'" + text + "'"; };
  const auto command = "ML_CONSOLE_URL=" + quote(url) + " ML_CONSOLE_TOKEN=" + quote(kToken) +
                       " ML_CONSOLE_ORDER=" + quote(order) + " ML_CONSOLE_ARTEFACTS=" +
                       quote(tools.artefacts.string()) + " node " + quote(tools.script.string()) + " " + step + " 2>&1";
  std::cout << "browser: " << step << " " << order << std::endl;
  return WEXITSTATUS(std::system(command.c_str()));
}

struct ParkedOrder {
  std::string posting_key;
  std::set<std::string> skus;  ///< the NEW-… SKUs QuickBooks does not know
};

// A needs-review order whose only problem is unknown SKUs (the generated month has ~5%).
std::optional<ParkedOrder> order_with_unknown_sku(const MerchantStack& stack) {
  pqxx::connection connection(stack.database_url());
  pqxx::read_transaction tx(connection);
  const auto rows = tx.exec("SELECT posting_key, reason FROM reconciler.orders WHERE state = 'needs_review' "
                            "AND reason LIKE '%NEW-%' AND reason NOT ILIKE '%customer%' ORDER BY posting_key");
  if (rows.empty()) return std::nullopt;
  ParkedOrder parked{rows[0][0].as<std::string>(), {}};
  const auto reason = rows[0][1].as<std::string>();
  const std::regex sku("NEW-[A-Za-z0-9]+");
  for (auto it = std::sregex_iterator(reason.begin(), reason.end(), sku); it != std::sregex_iterator(); ++it)
    parked.skus.insert(it->str());
  return parked;
}

// The bookkeeper's fix: the missing items are created in QuickBooks (while the Web Connector
// loop is stopped, so that its next session reads them).
void add_items_to_quickbooks(MerchantStack& stack, const std::set<std::string>& skus) {
  auto company = stack.quickbooks(true);
  const auto now = std::chrono::system_clock::now();
  for (const auto& sku : skus) {
    ml::qbwc_sim::Item item;
    item.list_id = company.new_list_id(now);
    item.stamp = company.new_stamp(now);
    item.kind = ml::qbwc_sim::ItemKind::non_inventory;
    item.name = sku;
    item.description = "Added by the console test";
    item.price = ml::core::Decimal::from_string("10.00");
    item.account = "Sales";
    company.items.push_back(item);
  }
  const auto saved = ml::qbwc_sim::save_company(company, stack.work_dir() / "quickbooks-company.json");
  REQUIRE(saved.has_value());
  stack.quickbooks(false);  // starts the Web Connector loop again
}

std::string order_state(const MerchantStack& stack, const std::string& key) {
  pqxx::connection connection(stack.database_url());
  pqxx::read_transaction tx(connection);
  const auto rows = tx.exec_params("SELECT state FROM reconciler.orders WHERE posting_key = $1", key);
  return rows.empty() ? "" : rows[0][0].as<std::string>();
}

bool quickbooks_holds_invoice(MerchantStack& stack, const std::string& key) {
  const auto company = stack.quickbooks();
  const auto guid = ml::qbxml::external_guid_for(key);
  return std::ranges::any_of(company.invoices, [&](const auto& invoice) {
    return !invoice.voided && ml::qbxml::normalized_guid(invoice.external_guid) == guid;
  });
}

}  // namespace

TEST_CASE("an operator fixes a needs-review order in QuickBooks and retries it from the console") {
  const auto tools = browser_tools_or_skip();
  const std::string rabbit_ui = ml::testing::rabbit_mgmt_url();
  auto options = ml::merchant_demo::test_stack_options("console_test", 1, 60);
  options.extra_environment = {
      {"reconciler", {{"ML_RECONCILER_CONSOLE_TOKEN", kToken}, {"ML_RECONCILER_RABBIT_UI_URL", rabbit_ui}}}};
  MerchantStack stack(options);
  REQUIRE(stack.wait_settled(600s, [](const auto& p) { std::cout << p.line() << std::endl; }));

  const auto parked = order_with_unknown_sku(stack);
  REQUIRE(parked.has_value());
  REQUIRE_FALSE(parked->skus.empty());
  INFO("order " << parked->posting_key);

  REQUIRE(run_browser(tools, stack, "sees-needs-review", parked->posting_key) == 0);

  add_items_to_quickbooks(stack, parked->skus);
  CHECK(order_state(stack, parked->posting_key) == "needs_review");  // nothing changes before Retry

  REQUIRE(run_browser(tools, stack, "retries-until-posted", parked->posting_key) == 0);
  CHECK(order_state(stack, parked->posting_key) == "posted");
  CHECK(quickbooks_holds_invoice(stack, parked->posting_key));
}
