#pragma once
/// What a merchant does after orders were posted, played through the simulator's scenario API:
/// edits, voided labels, cancellations, and new orders shipped with repeated webhooks.
#include <cstdint>
#include <string>
#include <vector>

#include "ml/merchant_demo/expectations.hpp"
#include "ml/merchant_demo/stack.hpp"

namespace ml::merchant_demo {

struct LiveChanges {
  std::vector<std::string> edited;     ///< posted keys whose shipping amount changed (→ InvoiceMod)
  std::vector<std::string> unshipped;  ///< posted keys whose only label was voided (→ TxnVoid)
  std::vector<std::string> cancelled;  ///< posted keys voided, then cancelled (→ TxnVoid)
  std::vector<std::int64_t> new_orders;  ///< created and shipped through webhooks (→ InvoiceAdd)
};

/// Creates `count` orders in the simulator's first store as one import (an ORDER_NOTIFY), each
/// for a known customer and SKU (the catalogue's entries from `offset` on); their orderIds.
std::vector<std::int64_t> create_orders(MerchantStack& stack, int count, int offset);
/// Creates one label batch for the orders (a SHIP_NOTIFY).
void label_orders(MerchantStack& stack, const std::vector<std::int64_t>& order_ids);

/// Creates `count` orders in the first store for known customers and SKUs (picked from `offset` on);
/// their ids.
std::vector<std::int64_t> create_orders(MerchantStack& stack, int count, int offset);
/// Labels the orders in one batch (one SHIP_NOTIFY).
void label_orders(MerchantStack& stack, const std::vector<std::int64_t>& order_ids);

/// Picks `each` posted single-label orders per kind of change and applies the changes; creates
/// `each` new orders for known customers and SKUs and labels them with every SHIP_NOTIFY sent twice.
LiveChanges apply_live_changes(MerchantStack& stack, const ShipStationRecords& records,
                               const std::vector<ExpectedOrder>& expected, int each);

}  // namespace ml::merchant_demo
