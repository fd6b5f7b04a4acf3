#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ml/reconciler/inventory.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;

namespace {

messages::QbItem stock(const char* name, std::optional<const char*> on_hand) {
  messages::QbItem item{"LID-" + std::string(name), name, messages::QbItemType::inventory, true, std::nullopt, std::nullopt};
  if (on_hand) item.quantity_on_hand = dec(*on_hand);
  return item;
}

}  // namespace

TEST_CASE("a batch's quantities are summed per item over its live orders") {
  auto first = order(1, "A-1");
  auto second = order(2, "A-2");
  second.items = {line("WIDGET-1", "3", "1"), line("SAVE", "1", "-1", true)};
  auto cancelled = order(3, "A-3");
  cancelled.order_status = messages::OrderStatus::cancelled;
  const auto demand = batch_demand({first, second, cancelled}, {});
  REQUIRE(demand.size() == 1);
  CHECK(demand[0].item_full_name == "WIDGET-1");
  CHECK(demand[0].quantity == dec("5"));
  CHECK(demand[0].order_numbers == std::vector<std::string>{"A-1", "A-2"});
}

TEST_CASE("mapped SKUs count toward their mapped item") {
  Mappings mappings;
  mappings.item_by_sku["WIDGET-1"] = "Widgets:Blue";
  CHECK(batch_demand({order()}, mappings).at(0).item_full_name == "Widgets:Blue");
}

TEST_CASE("demand above QuickBooks' quantity on hand is a discrepancy") {
  const std::vector<ItemDemand> demand{{"WIDGET-1", dec("5"), {"WIDGET-1"}, {"A-1"}}, {"GADGET", dec("2"), {"GADGET"}, {"A-2"}}};
  const auto problems = inventory_discrepancies("batch-9", demand, {stock("widget-1", "4"), stock("GADGET", "2")});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == "inventory_discrepancy");
  CHECK(problems[0].message == "Batch batch-9 needs 5 of widget-1 but QuickBooks has 4 on hand.");
  CHECK(problems[0].detail_json ==
        R"({"batch_id":"batch-9","item":"widget-1","batch_quantity":"5","quantity_on_hand":"4","skus":["WIDGET-1"],"order_numbers":["A-1"]})");
}

TEST_CASE("items without stock figures or unknown to QuickBooks are not compared") {
  const std::vector<ItemDemand> demand{{"SERVICE", dec("5"), {}, {}}, {"GHOST", dec("1"), {}, {}}};
  CHECK(inventory_discrepancies("b", demand, {stock("SERVICE", std::nullopt)}).empty());
}
