#include <expected>
#include <fstream>
#include <iomanip>
#include <optional>
#include <sstream>
#include <iostream>

#include "commands.hpp"
#include "ml/qbwc_sim/company_json.hpp"
#include "ml/qbwc_sim/seed.hpp"
#include "ml/qbwc_sim/text.hpp"

namespace ml::qbwc_sim::cli {
namespace {

constexpr const char* kSeedUsage =
    "qbwc-sim company seed small|large|merchant FILE [--seed N] [--catalogue CATALOGUE.json] [--on-hand N]";

int show(const Company& c) {
  std::size_t inventory = 0, voided = 0;
  for (const auto& item : c.items) inventory += item.kind == ItemKind::inventory;
  for (const auto& invoice : c.invoices) voided += invoice.voided;
  std::cout << "company:          " << c.info.name << "\n"
            << "file path:        " << c.info.file_path << "\n"
            << "accounts:         " << c.accounts.size() << "\n"
            << "customers:        " << c.customers.size() << "\n"
            << "items:            " << c.items.size() << " (" << inventory << " inventory)\n"
            << "invoices:         " << c.invoices.size() << " (" << voided << " void)\n"
            << "journal entries:  " << c.journal_entries.size() << "\n"
            << "saved message set: " << (c.saved_message_set ? c.saved_message_set->id : "none") << "\n";
  return 0;
}

int invoices(const Company& c) {
  std::cout << std::left << std::setw(22) << "TxnID" << std::setw(12) << "RefNumber" << std::setw(12) << "TxnDate"
            << std::setw(32) << "Customer" << std::right << std::setw(12) << "Subtotal" << "  Lines\n";
  for (const auto& inv : c.invoices)
    std::cout << std::left << std::setw(22) << inv.txn_id << std::setw(12) << inv.ref_number << std::setw(12)
              << inv.txn_date << std::setw(32) << inv.customer.full_name << std::right << std::setw(12)
              << inv.subtotal().to_string(2) << "  " << inv.lines.size() << (inv.voided ? "  VOID" : "") << "\n";
  return 0;
}

std::string csv(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

int export_csv(const Company& c) {
  std::cout << "txn_id,ref_number,txn_date,customer,voided,txn_line_id,item,description,quantity,rate,amount\n";
  for (const auto& inv : c.invoices)
    for (const auto& line : inv.lines)
      std::cout << csv(inv.txn_id) << "," << csv(inv.ref_number) << "," << inv.txn_date << ","
                << csv(inv.customer.full_name) << "," << (inv.voided ? "true" : "false") << ","
                << csv(line.txn_line_id) << "," << csv(line.item.full_name) << "," << csv(line.description) << ","
                << (line.quantity ? line.quantity->to_string() : "") << ","
                << (line.rate ? line.rate->to_string() : "") << "," << line.amount.to_string(2) << "\n";
  return 0;
}

std::optional<std::string> option(const std::vector<std::string>& args, std::string_view name) {
  for (std::size_t i = 4; i + 1 < args.size(); i += 2)
    if (args[i] == name) return args[i + 1];
  return std::nullopt;
}

std::expected<Company, std::string> seeded(const std::vector<std::string>& args) {
  if (args[2] == "small") return small_company();
  if (args[2] == "large") return large_company(std::stoull(option(args, "--seed").value_or("1")));
  const auto path = option(args, "--catalogue");
  if (!path) return std::unexpected("company seed merchant needs --catalogue FILE (from shipstation-sim catalogue)");
  std::ifstream in(*path, std::ios::binary);
  if (!in) return std::unexpected("cannot read " + *path);
  std::ostringstream text;
  text << in.rdbuf();
  return merchant_company(text.str(), std::stoll(option(args, "--on-hand").value_or("1000")));
}

int seed(const std::vector<std::string>& args) {
  if (args.size() < 4 || (args[2] != "small" && args[2] != "large" && args[2] != "merchant")) {
    std::cerr << "usage: " << kSeedUsage << "\n";
    return 2;
  }
  std::expected<Company, std::string> company;
  try {
    company = seeded(args);
  } catch (const std::logic_error&) {  // std::stoull / std::stoll
    company = std::unexpected("--seed and --on-hand take a whole number");
  }
  if (!company) {
    std::cerr << "qbwc-sim: " << company.error() << "\n";
    return 2;
  }
  if (auto saved = save_company(*company, args[3]); !saved) {
    std::cerr << "qbwc-sim: " << saved.error() << "\n";
    return 1;
  }
  std::cout << "wrote " << args[2] << " company to " << args[3] << "\n";
  return 0;
}

}  // namespace

int company_command(const std::vector<std::string>& args) {
  if (args.size() >= 2 && args[1] == "seed") return seed(args);
  if (args.size() != 3) {
    std::cerr << "usage: qbwc-sim company show|invoices|export FILE\n       " << kSeedUsage << "\n";
    return 2;
  }
  auto company = load_company(args[2]);
  if (!company) {
    std::cerr << "qbwc-sim: " << company.error() << "\n";
    return 1;
  }
  if (args[1] == "show") return show(*company);
  if (args[1] == "invoices") return invoices(*company);
  if (args[1] == "export") return export_csv(*company);
  std::cerr << "qbwc-sim: unknown company command '" << args[1] << "'\n";
  return 2;
}

}  // namespace ml::qbwc_sim::cli
