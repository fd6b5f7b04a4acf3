#pragma once
/// The month-end reconciliation: per ship date, what shipped in ShipStation against what
/// QuickBooks holds, the orders that did not post and why, and every disagreement.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/merchant_demo/expectations.hpp"
#include "ml/qbwc_sim/company.hpp"

namespace ml::merchant_demo {

struct DayTotals {
  int shipped = 0;  ///< live orders shipped that day (ShipStation)
  core::Decimal shipped_amount = core::Decimal::from_units(0, 2);
  int posted = 0;   ///< invoices dated that day, not void (QuickBooks)
  core::Decimal posted_amount = core::Decimal::from_units(0, 2);
};

struct NotPosted {
  std::string key;
  std::string state;   ///< the reconciler's state
  std::string reason;  ///< the reconciler's reason, else what the expectation found
};

struct MonthEnd {
  std::map<std::string, DayTotals> days;
  std::vector<NotPosted> not_posted;     ///< shipped orders without a transaction
  std::vector<std::string> disagreements;  ///< duplicates, missing, wrong amount or date, unexpected
  int expected_transactions = 0;
  int transactions = 0;                  ///< invoices carrying one of the keys' ExternalGUIDs
  int voided = 0;

  void print(std::ostream& out) const;
};

/// The reconciler's view of a key: state and reason (reconciler.orders).
struct ReconcilerView {
  std::string state, reason, txn_id;
};
std::map<std::string, ReconcilerView> reconciler_views(const std::string& database_url);

MonthEnd month_end(const std::vector<ExpectedOrder>& expected, const qbwc_sim::Company& quickbooks,
                   const std::map<std::string, ReconcilerView>& views);

}  // namespace ml::merchant_demo
