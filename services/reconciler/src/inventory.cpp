#include "ml/reconciler/inventory.hpp"

#include <algorithm>

#include "ml/reconciler/json_detail.hpp"
#include "ml/reconciler/posting_content.hpp"
#include "ml/reconciler/quickbooks_names.hpp"

namespace ml::reconciler {
namespace {

void add_once(std::vector<std::string>& values, const std::string& value) {
  if (std::ranges::find(values, value) == values.end()) values.push_back(value);
}

std::string item_for(const std::string& sku, const Mappings& mappings) {
  if (auto found = mappings.item_by_sku.find(sku); found != mappings.item_by_sku.end()) return found->second;
  return quickbooks_stored_text(sku).value_or(sku);
}

}  // namespace

std::vector<ItemDemand> batch_demand(const std::vector<messages::SsOrderChanged>& orders, const Mappings& mappings) {
  std::vector<ItemDemand> demand;
  for (const auto& order : orders) {
    if (!is_live(order)) continue;
    for (const auto& line : order.items) {
      if (line.adjustment || !line.sku || line.sku->empty()) continue;
      const auto item = item_for(*line.sku, mappings);
      auto slot = std::ranges::find(demand, item, &ItemDemand::item_full_name);
      if (slot == demand.end()) slot = demand.insert(demand.end(), ItemDemand{item, core::Decimal(), {}, {}});
      slot->quantity += line.quantity;
      add_once(slot->skus, *line.sku);
      add_once(slot->order_numbers, order.order_number);
    }
  }
  return demand;
}

std::vector<Problem> inventory_discrepancies(const std::string& batch_id, const std::vector<ItemDemand>& demand,
                                             const std::vector<messages::QbItem>& on_hand) {
  std::vector<Problem> problems;
  for (const auto& need : demand) {
    const auto key = name_key(need.item_full_name).value_or(need.item_full_name);
    const auto item = std::ranges::find_if(on_hand, [&](const auto& i) { return name_key(i.full_name).value_or("") == key; });
    if (item == on_hand.end() || !item->quantity_on_hand || need.quantity <= *item->quantity_on_hand) continue;
    problems.push_back({"inventory_discrepancy",
                        "Batch " + batch_id + " needs " + need.quantity.to_string() + " of " + item->full_name +
                            " but QuickBooks has " + item->quantity_on_hand->to_string() + " on hand.",
                        JsonObject()
                            .text("batch_id", batch_id)
                            .text("item", item->full_name)
                            .text("batch_quantity", need.quantity.to_string())
                            .text("quantity_on_hand", item->quantity_on_hand->to_string())
                            .texts("skus", need.skus)
                            .texts("order_numbers", need.order_numbers)
                            .str()});
  }
  return problems;
}

}  // namespace ml::reconciler
