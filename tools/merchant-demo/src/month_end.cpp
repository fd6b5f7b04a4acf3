#include "ml/merchant_demo/month_end.hpp"

#include <pqxx/pqxx>

#include <algorithm>

#include "ml/qbxml/posting_identity.hpp"

namespace ml::merchant_demo {
namespace {

void check_one(const ExpectedOrder& e, const std::vector<const qbwc_sim::Invoice*>& invoices, MonthEnd& report) {
  std::vector<const qbwc_sim::Invoice*> open;
  std::ranges::copy_if(invoices, std::back_inserter(open), [](const auto* i) { return !i->voided; });
  if (invoices.size() > 1) report.disagreements.push_back(e.key + ": " + std::to_string(invoices.size()) + " transactions in QuickBooks");
  if (!e.posts()) {
    if (!open.empty()) report.disagreements.push_back(e.key + ": in QuickBooks although it should not post");
    return;
  }
  if (open.empty()) {
    report.disagreements.push_back(e.key + (invoices.empty() ? ": missing in QuickBooks" : ": void in QuickBooks"));
    return;
  }
  const auto& invoice = *open.front();
  if (invoice.subtotal() != e.amount)
    report.disagreements.push_back(e.key + ": QuickBooks " + invoice.subtotal().to_string(2) + " but ShipStation " +
                                   e.amount.to_string(2));
  if (invoice.txn_date != e.ship_date)
    report.disagreements.push_back(e.key + ": dated " + invoice.txn_date + " but shipped " + e.ship_date);
}

std::string pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

}  // namespace

std::map<std::string, ReconcilerView> reconciler_views(const std::string& database_url) {
  pqxx::connection connection(database_url);
  pqxx::read_transaction tx(connection);
  std::map<std::string, ReconcilerView> views;
  for (const auto& row : tx.exec("SELECT posting_key, state, reason, txn_id FROM reconciler.orders"))
    views[row[0].as<std::string>()] = {row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()};
  return views;
}

MonthEnd month_end(const std::vector<ExpectedOrder>& expected, const qbwc_sim::Company& quickbooks,
                   const std::map<std::string, ReconcilerView>& views) {
  std::map<std::string, std::vector<const qbwc_sim::Invoice*>> by_guid;
  for (const auto& invoice : quickbooks.invoices) by_guid[qbxml::normalized_guid(invoice.external_guid)].push_back(&invoice);
  MonthEnd report;
  std::size_t matched = 0;
  for (const auto& e : expected) {
    const auto found = by_guid.find(qbxml::external_guid_for(e.key));
    const auto invoices = found == by_guid.end() ? std::vector<const qbwc_sim::Invoice*>{} : found->second;
    matched += invoices.size();
    report.transactions += static_cast<int>(invoices.size());
    report.voided += static_cast<int>(std::ranges::count_if(invoices, [](const auto* i) { return i->voided; }));
    report.expected_transactions += e.posts();
    check_one(e, invoices, report);
    if (e.live && e.shipped) {
      auto& day = report.days[e.ship_date];
      ++day.shipped;
      day.shipped_amount += e.amount;
      if (std::ranges::none_of(invoices, [](const auto* i) { return !i->voided; })) {
        const auto view = views.find(e.key);
        report.not_posted.push_back(
            {e.key, view == views.end() ? "unknown to the reconciler" : view->second.state,
             view != views.end() && !view->second.reason.empty() ? view->second.reason
             : e.problems.empty()                                  ? std::string("nothing to post")
                                                                   : e.problems.front()});
      }
    }
  }
  for (const auto& invoice : quickbooks.invoices) {
    if (invoice.voided) continue;
    auto& day = report.days[invoice.txn_date];
    ++day.posted;
    day.posted_amount += invoice.subtotal();
  }
  if (matched != quickbooks.invoices.size())
    report.disagreements.push_back(std::to_string(quickbooks.invoices.size() - matched) +
                                   " QuickBooks invoices belong to no ShipStation order");
  return report;
}

void MonthEnd::print(std::ostream& out) const {
  out << "  ship date     shipped in ShipStation     posted in QuickBooks\n";
  DayTotals total;
  for (const auto& [day, t] : days) {
    out << "  " << day << pad(std::to_string(t.shipped), 8) << pad(t.shipped_amount.to_string(2), 14)
        << pad(std::to_string(t.posted), 12) << pad(t.posted_amount.to_string(2), 14)
        << (t.shipped_amount == t.posted_amount ? "" : "   <- not all posted") << "\n";
    total.shipped += t.shipped;
    total.shipped_amount += t.shipped_amount;
    total.posted += t.posted;
    total.posted_amount += t.posted_amount;
  }
  out << "  total     " << pad(std::to_string(total.shipped), 8) << pad(total.shipped_amount.to_string(2), 14)
      << pad(std::to_string(total.posted), 12) << pad(total.posted_amount.to_string(2), 14) << "\n\n";
  out << "  QuickBooks transactions: " << transactions << " (" << voided << " void), expected "
      << expected_transactions << " open; disagreements: " << disagreements.size() << "\n";
  if (!not_posted.empty()) {
    out << "\n  shipped but not posted (" << not_posted.size() << "), fix in QuickBooks or map, then retry:\n";
    for (const auto& n : not_posted) out << "    " << n.key << "  [" << n.state << "]  " << n.reason << "\n";
  }
  for (const auto& d : disagreements) out << "  DISAGREEMENT " << d << "\n";
}

}  // namespace ml::merchant_demo
