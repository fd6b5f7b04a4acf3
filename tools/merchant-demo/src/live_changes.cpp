#include "ml/merchant_demo/live_changes.hpp"

#include <rapidjson/document.h>

#include <sstream>
#include <map>

namespace ml::merchant_demo {
namespace {

void require(const HttpAnswer& answer, const std::string& what) {
  if (answer.status / 100 != 2) throw StackError(what + ": " + std::to_string(answer.status) + " " + answer.body);
}

std::map<std::int64_t, std::vector<const shipstation::Shipment*>> labels_by_order(const ShipStationRecords& records) {
  std::map<std::int64_t, std::vector<const shipstation::Shipment*>> labels;
  for (const auto& label : records.labels)
    if (label.order_id) labels[*label.order_id].push_back(&label);
  return labels;
}

}  // namespace

std::vector<std::int64_t> create_orders(MerchantStack& stack, int count, int offset) {
  const auto catalogue = stack.shipstation_admin("GET", "/_sim/catalogue");
  rapidjson::Document doc;
  doc.Parse(catalogue.body.c_str());
  const auto& customers = doc["customers"];
  const auto& products = doc["products"];
  const auto store = doc["stores"][0]["storeId"].GetInt64();
  std::string orders;
  for (int i = 0; i < count; ++i) {
    const auto& c = customers[static_cast<rapidjson::SizeType>((i + offset) % customers.Size())];
    const auto& p = products[static_cast<rapidjson::SizeType>((i + offset) % products.Size())];
    std::ostringstream order;
    order << (i == 0 ? "" : ",") << R"({"storeId":)" << store << R"(,"customerName":")" << c["name"].GetString()
          << R"(","customerEmail":")" << c["email"].GetString() << R"(","items":[{"sku":")" << p["sku"].GetString()
          << R"(","name":")" << p["name"].GetString() << R"(","quantity":)" << 1 + i % 3 << R"(,"unitPrice":")"
          << p["unitPrice"].GetDouble() << R"("}],"taxAmount":"1.25","shippingAmount":"5.99"})";
    orders += order.str();
  }
  const auto created = stack.shipstation_admin("POST", "/_sim/orders", R"({"orders":[)" + orders + "]}");
  require(created, "creating orders");
  rapidjson::Document ids;
  ids.Parse(created.body.c_str());
  std::vector<std::int64_t> result;
  for (const auto& id : ids["orderIds"].GetArray()) result.push_back(id.GetInt64());
  return result;
}

void label_orders(MerchantStack& stack, const std::vector<std::int64_t>& order_ids) {
  std::string ids;
  for (const auto id : order_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  require(stack.shipstation_admin("POST", "/_sim/labels", R"({"orderIds":[)" + ids + "]}"), "labelling orders");
}

LiveChanges apply_live_changes(MerchantStack& stack, const ShipStationRecords& records,
                               const std::vector<ExpectedOrder>& expected, int each) {
  const auto labels = labels_by_order(records);
  LiveChanges changes;
  int picked = 0;
  for (const auto& e : expected) {
    if (!e.posts() || e.order_ids.size() != 1) continue;
    const auto found = labels.find(e.order_ids.front());
    if (found == labels.end() || found->second.size() != 1 || found->second.front()->voided) continue;
    const auto order = std::to_string(e.order_ids.front());
    const auto label = std::to_string(found->second.front()->shipment_id);
    if (picked < each) {
      require(stack.shipstation_admin("POST", "/_sim/orders/" + order + "/edit", R"({"shippingAmount":"12.34"})"),
              "editing order " + order);
      changes.edited.push_back(e.key);
    } else if (picked < 2 * each) {
      require(stack.shipstation_admin("POST", "/_sim/shipments/" + label + "/void"), "voiding label " + label);
      changes.unshipped.push_back(e.key);
    } else if (picked < 3 * each) {
      require(stack.shipstation_admin("POST", "/_sim/shipments/" + label + "/void"), "voiding label " + label);
      require(stack.shipstation_admin("POST", "/_sim/orders/" + order + "/cancel"), "cancelling order " + order);
      changes.cancelled.push_back(e.key);
    } else {
      break;
    }
    ++picked;
  }
  require(stack.shipstation_admin("POST", "/_sim/knobs", R"({"duplicateShipNotifyEvery":1})"), "setting knobs");
  changes.new_orders = create_orders(stack, each, 0);
  label_orders(stack, changes.new_orders);
  return changes;
}

}  // namespace ml::merchant_demo
