#pragma once
/// One ShipStation account: its stores, orders, label shipments, fulfillments and webhook
/// subscriptions, and the operations a merchant performs on them. Every operation takes the
/// current time explicitly, so the generator can replay a month and the server can use its clock.
/// Not thread-safe: SimServer serialises access.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "ml/shipstation_sim/model.hpp"
#include "ml/shipstation_sim/random.hpp"

namespace ml::shipstation_sim {

/// A scenario step that cannot be applied (unknown id, wrong state); what() says which and why.
class ScenarioError : public std::runtime_error {
 public:
  enum class Kind { not_found, invalid };
  ScenarioError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

struct NewItem {
  std::string sku;
  std::string name;
  int quantity = 1;
  Decimal unit_price;
  Decimal weight_ounces;
  bool adjustment = false;
  std::optional<std::int64_t> product_id;
};

/// An order as a store import brings it in.
struct NewOrder {
  std::int64_t store_id = 0;
  std::string order_number;  ///< Empty: the store's next number.
  std::optional<std::string> order_key;
  std::string order_status = kAwaitingShipment;
  std::optional<TimePoint> order_date;  ///< Default: now.
  std::optional<std::int64_t> customer_id;
  std::string customer_name;
  std::string customer_email;
  Address ship_to;
  std::vector<NewItem> items;
  Decimal tax_amount;
  Decimal shipping_amount;
  std::optional<Decimal> amount_paid;  ///< Default: the order total.
  std::optional<std::string> customer_notes;
  std::string requested_shipping_service = "USPS Priority Mail";
};

/// Orders created by one import of one store; one ORDER_NOTIFY when `notify`.
struct ImportBatch {
  std::string import_batch;
  std::int64_t store_id = 0;
  std::vector<std::int64_t> order_ids;
  bool notify = false;
};

/// Labels created together; one SHIP_NOTIFY.
struct LabelBatch {
  std::int64_t batch_id = 0;
  std::vector<std::int64_t> shipment_ids;
  std::set<std::int64_t> store_ids;
};

struct LabelOptions {
  std::string carrier_code = "stamps_com";
  std::string service_code = "usps_priority_mail";
  std::optional<std::string> ship_date;  ///< "yyyy-MM-dd"; default: today in Pacific time.
};

class Account {
 public:
  explicit Account(std::uint64_t seed = 1);

  std::vector<ImportBatch> create_orders(const std::vector<NewOrder>& orders, TimePoint now);
  /// Applies `edit` and bumps modifyDate; new items (orderItemId 0) get ids. Never notifies.
  void edit_order(std::int64_t order_id, const std::function<void(Order&)>& edit, TimePoint now);
  /// awaiting_payment → awaiting_shipment; like ShipStation, that counts as a new order to notify.
  ImportBatch mark_paid(std::int64_t order_id, TimePoint now);
  void cancel_order(std::int64_t order_id, TimePoint now);
  /// One label per order, all in one batch: shipments with shipmentItems, orders become shipped.
  LabelBatch create_labels(const std::vector<std::int64_t>& order_ids, const LabelOptions& options,
                           TimePoint now);
  /// voided=true, voidDate=now; the order returns to awaiting_shipment when nothing else ships it.
  void void_label(std::int64_t shipment_id, TimePoint now);
  /// "Mark as Shipped": a fulfillment, no shipment, no webhook. Returns the fulfillmentId.
  std::int64_t mark_shipped(std::int64_t order_id, std::optional<std::string> carrier_code,
                            std::string tracking_number, TimePoint now);
  /// Moves the given items to a new child order (same orderNumber, advancedOptions.parentId set,
  /// mergedOrSplit on both). Returns the child's orderId.
  std::int64_t split_order(std::int64_t order_id, const std::vector<std::int64_t>& order_item_ids,
                           TimePoint now);

  std::int64_t subscribe(Webhook webhook);
  bool unsubscribe(std::int64_t webhook_id);

  Order& order(std::int64_t order_id);
  const Order* find_order(std::int64_t order_id) const;
  const Store* find_store(std::int64_t store_id) const;

  std::vector<Store> stores;
  std::map<std::int64_t, Order> orders;  ///< By orderId: the default sort.
  std::map<std::int64_t, Shipment> shipments;
  std::map<std::int64_t, Fulfillment> fulfillments;
  std::map<std::int64_t, Webhook> webhooks;
  std::set<std::int64_t> poisoned_orders;  ///< Any /orders page holding one of these answers 500.
  std::string user_id;                     ///< The ShipStation user who "creates" labels.

 private:
  Order build_order(const NewOrder& spec, const std::string& import_batch, TimePoint now);
  void assign_item_ids(Order& order, TimePoint now);
  Shipment build_shipment(Order& order, const LabelOptions& options, std::int64_t batch_id,
                          bool in_batch, TimePoint now);
  bool still_shipped(std::int64_t order_id) const;
  std::string next_order_number(std::int64_t store_id);

  Random random_;
  std::int64_t next_order_id_ = 211'000'001;
  std::int64_t next_item_id_ = 350'000'001;
  std::int64_t next_shipment_id_ = 84'000'001;
  std::int64_t next_fulfillment_id_ = 12'000'001;
  std::int64_t next_batch_id_ = 190'000'001;
  std::int64_t next_batch_number_ = 100'001;
  std::int64_t next_webhook_id_ = 1;
  std::int64_t next_tracking_ = 1;
  std::map<std::int64_t, std::int64_t> next_number_by_store_;
};

}  // namespace ml::shipstation_sim
