#pragma once
/// What an order's QuickBooks transaction holds: its key, date and lines. No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/posting.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/reconciler/matching.hpp"

namespace ml::reconciler {

/// Every ShipStation order posted under one key (a parent and its split parts) and their shipments.
struct OrderGroup {
  std::vector<messages::SsOrderChanged> parts;
  std::vector<messages::SsShipmentChanged> shipments;
};

/// The dedup key: the order number, "<store_id>:<number>" when stores reuse numbers and the
/// order has a store.
std::string posting_key_for(const std::string& order_number, std::optional<std::int64_t> store_id,
                            bool store_qualified);

/// The part that carries the customer: the one the others name as parent, else the lowest orderId.
const messages::SsOrderChanged& primary_part(const OrderGroup& group);

/// False for cancelled and rejected orders: they contribute nothing.
bool is_live(const messages::SsOrderChanged& part);

/// TxnDate: ship date of the group's earliest created shipment (label or fulfilment) that is not
/// voided; without any shipment record, the shipDate of a part whose status is shipped; else none
/// (not shipped).
std::optional<messages::Date> txn_date(const OrderGroup& group);

/// quantity × rate rounded half-up to cents.
core::Decimal line_amount(const core::Decimal& quantity, const core::Decimal& rate);

/// The transaction's lines: every live part's items (in part order, `item_names[p][i]` naming
/// item i of part p), then one shipping line (sum of shippingAmount) and one tax line (sum of
/// taxAmount). Zero-amount lines are left out.
std::vector<messages::PostingLine> build_lines(const OrderGroup& group,
                                               const std::vector<std::vector<std::string>>& item_names,
                                               const MatchSettings& settings);

/// The transaction for `posting_key`: RefNumber and ExternalGUID as the writer derives them,
/// the full key in PONumber (≤ 25 characters) or Memo when it is not the RefNumber itself.
messages::PostingTransaction transaction_for(const std::string& posting_key, messages::Date date,
                                             std::string customer_full_name, std::vector<messages::PostingLine> lines);

}  // namespace ml::reconciler
