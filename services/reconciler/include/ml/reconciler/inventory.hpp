#pragma once
/// Once per receipt batch: the batch's quantities per item against QuickBooks' QuantityOnHand.
#include <string>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/shipstation.hpp"
#include "ml/reconciler/matching.hpp"

namespace ml::reconciler {

/// How much of one QuickBooks item a batch's orders need.
struct ItemDemand {
  std::string item_full_name;  ///< mapped item, else the SKU as QuickBooks would store it
  core::Decimal quantity;
  std::vector<std::string> skus;
  std::vector<std::string> order_numbers;
  bool operator==(const ItemDemand&) const = default;
};

/// Sums the physical (non-adjustment, with SKU) lines of the live orders per item, in first-seen order.
std::vector<ItemDemand> batch_demand(const std::vector<messages::SsOrderChanged>& orders, const Mappings& mappings);

/// One inventory_discrepancy per item whose demand exceeds QuickBooks' QuantityOnHand. Items
/// QuickBooks does not have, or keeps no stock for, are not compared (unknown items are alerted
/// per order).
std::vector<Problem> inventory_discrepancies(const std::string& batch_id, const std::vector<ItemDemand>& demand,
                                             const std::vector<messages::QbItem>& on_hand);

}  // namespace ml::reconciler
