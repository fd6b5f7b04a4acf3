#include "ml/merchant_demo/snapshot.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <set>

#include "ml/qbxml/posting_identity.hpp"

namespace ml::merchant_demo {

Snapshot snapshot(MerchantStack& stack) {
  auto records = read_shipstation(stack.shipstation_base_url(), stack.shipstation_key(), stack.shipstation_secret());
  if (!records) throw StackError("cannot read ShipStation: " + records.error());
  auto known = known_entities(stack.shipstation_admin("GET", "/_sim/catalogue").body);
  if (!known) throw StackError("cannot read the catalogue: " + known.error());
  Snapshot s{expected_orders(*records, *known), stack.quickbooks(), {}};
  s.month_end = month_end(s.expected, s.quickbooks, reconciler_views(stack.database_url()));
  return s;
}

const qbwc_sim::Invoice* invoice_of(const Snapshot& s, const std::string& key) {
  const auto guid = qbxml::external_guid_for(key);
  const auto it = std::ranges::find_if(s.quickbooks.invoices, [&](const auto& invoice) {
    return qbxml::normalized_guid(invoice.external_guid) == guid;
  });
  return it == s.quickbooks.invoices.end() ? nullptr : &*it;
}

std::vector<std::string> audit_trail_gaps(const std::string& database_url) {
  pqxx::connection connection(database_url);
  pqxx::read_transaction tx(connection);
  const auto with = [&](const std::string& kind) {
    std::set<std::string> keys;
    for (const auto& row : tx.exec("SELECT DISTINCT order_number FROM audit.events WHERE kind = " + tx.quote(kind)))
      keys.insert(row[0].as<std::string>());
    return keys;
  };
  const auto received = with("order.received"), requested = with("posting.requested"),
             completed = with("posting.completed"), alerted = with("alert.raised");
  std::vector<std::string> gaps;
  for (const auto& row : tx.exec("SELECT posting_key, state FROM reconciler.orders ORDER BY posting_key")) {
    const auto key = row[0].as<std::string>();
    const auto state = row[1].as<std::string>();
    const auto missing = [&](const std::set<std::string>& events, const char* kind) {
      if (!events.contains(key)) gaps.push_back(key + " (" + state + "): no " + kind);
    };
    missing(received, "order.received");
    if (state == "posted" || state == "voided") {
      missing(requested, "posting.requested");
      missing(completed, "posting.completed");
    }
    if (state == "needs_review") missing(alerted, "alert.raised");
  }
  return gaps;
}

}  // namespace ml::merchant_demo
