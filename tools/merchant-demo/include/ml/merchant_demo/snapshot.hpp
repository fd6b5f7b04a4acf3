#pragma once
/// One look at the whole stack: the expectation from ShipStation's data, the QuickBooks company
/// and their month-end comparison, taken at the same moment.
#include <string>
#include <vector>

#include "ml/merchant_demo/expectations.hpp"
#include "ml/merchant_demo/month_end.hpp"
#include "ml/merchant_demo/stack.hpp"
#include "ml/qbwc_sim/company.hpp"

namespace ml::merchant_demo {

struct Snapshot {
  std::vector<ExpectedOrder> expected;
  qbwc_sim::Company quickbooks;
  MonthEnd month_end;
};

/// Reads ShipStation and the catalogue, saves and reads the company (the Web Connector loop goes
/// on afterwards) and runs the month-end; StackError when ShipStation cannot be read.
Snapshot snapshot(MerchantStack& stack);

/// The invoice carrying the ExternalGUID of posting key `key`, or null.
const qbwc_sim::Invoice* invoice_of(const Snapshot& s, const std::string& key);

/// Orders whose audit trail misses a step, as "KEY (state): no EVENT": every order has
/// `order.received`; posted and voided ones `posting.requested` and `posting.completed`; those
/// needing review `alert.raised`. Empty when every trail is complete.
std::vector<std::string> audit_trail_gaps(const std::string& database_url);

}  // namespace ml::merchant_demo
