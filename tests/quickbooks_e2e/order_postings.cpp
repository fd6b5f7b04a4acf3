#include "order_postings.hpp"

#include <array>
#include <chrono>

#include "ml/qbxml/posting_identity.hpp"

namespace ml::quickbooks_e2e {
namespace {

constexpr std::array kCustomers = {"Jane Doe", "Acme Corp", "Zoe Muller", "ShipStation Customer"};
constexpr std::array kItems = {"WIDGET-01", "Gift Wrap", "Installation", "WIDGET-02", "Shipping", "GADGET-01"};
constexpr std::array kRates = {"12.50", "3.99", "0.10", "149.00", "7.25", "19.95", "0.333"};

}  // namespace

std::string run_tag() {
  static const std::string tag = [] {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::string text;
    for (int i = 0; i < 6; ++i, seconds /= 36) text.insert(text.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[seconds % 36]);
    return "Q" + text;
  }();
  return tag;
}

messages::PostingLine line(std::string_view item, std::string_view quantity, std::string_view rate) {
  messages::PostingLine posting_line;
  posting_line.item_full_name = std::string(item);
  posting_line.quantity = core::Decimal::from_string(quantity);
  posting_line.rate = core::Decimal::from_string(rate);
  posting_line.amount = (*posting_line.quantity * *posting_line.rate).round_half_up(2);
  return posting_line;
}

messages::PostingRequested invoice_posting(const std::string& key, std::size_t n,
                                           std::vector<messages::PostingLine> lines) {
  messages::PostingRequested posting;
  posting.posting_key = key;
  posting.order_ids = {static_cast<std::int64_t>(n) + 1};
  messages::PostingTransaction transaction;
  transaction.txn_date = std::chrono::year{2026} / std::chrono::month{static_cast<unsigned>(1 + n % 12)} /
                         std::chrono::day{static_cast<unsigned>(1 + n % 28)};
  transaction.ref_number = qbxml::ref_number_for(key);
  const auto guid = qbxml::external_guid_for(key);  // "{...}": the message carries it without braces
  transaction.external_guid = guid.substr(1, guid.size() - 2);
  transaction.customer_full_name = kCustomers[n % kCustomers.size()];
  transaction.lines = std::move(lines);
  posting.transaction = std::move(transaction);
  return posting;
}

messages::PostingRequested order_posting(const std::string& key, std::size_t n) {
  std::vector<messages::PostingLine> lines;
  for (std::size_t j = 0; j <= n % 3; ++j)
    lines.push_back(line(kItems[(n + j) % kItems.size()], std::to_string(1 + (n + j) % 4),
                         kRates[(n * 3 + j) % kRates.size()]));
  return invoice_posting(key, n, std::move(lines));
}

}  // namespace ml::quickbooks_e2e
