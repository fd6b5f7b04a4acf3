#include "ml/shipstation_sim/account.hpp"

#include <algorithm>

#include "ml/shipstation_sim/pacific_time.hpp"

namespace ml::shipstation_sim {

namespace {

std::string id_text(const char* what, std::int64_t id) { return std::string(what) + " " + std::to_string(id); }

ScenarioError not_found(const char* what, std::int64_t id) {
  return {ScenarioError::Kind::not_found, id_text(what, id) + " does not exist"};
}

ScenarioError invalid(const std::string& what) { return {ScenarioError::Kind::invalid, what}; }

Decimal label_cost(const Order& order) {
  const auto ounces = order.weight_ounces();
  const auto quarter_pounds = Decimal::from_units(1, 0) + ounces * Decimal::from_string("0.25");
  return (Decimal::from_string("3.10") + quarter_pounds * Decimal::from_string("0.35")).round_half_up(2);
}

}  // namespace

Decimal Order::order_total() const {
  Decimal total = tax_amount + shipping_amount;
  for (const auto& item : items) total += item.unit_price * Decimal::from_units(item.quantity, 0);
  return total;
}

Decimal Order::weight_ounces() const {
  Decimal total;
  for (const auto& item : items)
    if (!item.adjustment) total += item.weight_ounces * Decimal::from_units(item.quantity, 0);
  return total;
}

Account::Account(std::uint64_t seed) : random_(seed) { user_id = random_.uuid(); }

Order& Account::order(std::int64_t order_id) {
  auto it = orders.find(order_id);
  if (it == orders.end()) throw not_found("order", order_id);
  return it->second;
}

const Order* Account::find_order(std::int64_t order_id) const {
  auto it = orders.find(order_id);
  return it == orders.end() ? nullptr : &it->second;
}

const Store* Account::find_store(std::int64_t store_id) const {
  auto it = std::find_if(stores.begin(), stores.end(), [&](const Store& s) { return s.store_id == store_id; });
  return it == stores.end() ? nullptr : &*it;
}

std::string Account::next_order_number(std::int64_t store_id) {
  auto [it, inserted] = next_number_by_store_.try_emplace(store_id, 1001);
  if (inserted)  // continue after the store's numbers so far (a generated month, explicit numbers)
    for (const auto& [id, order] : orders) {
      const auto& number = order.order_number;
      if (order.store_id == store_id && !number.empty() && number.size() < 12 &&
          number.find_first_not_of("0123456789") == std::string::npos)
        it->second = std::max<std::int64_t>(it->second, std::stoll(number) + 1);
    }
  return std::to_string(it->second++);
}

void Account::assign_item_ids(Order& order, TimePoint now) {
  for (auto& item : order.items) {
    if (item.order_item_id != 0) continue;
    item.order_item_id = next_item_id_++;
    item.create_date = item.modify_date = now;
  }
}

Order Account::build_order(const NewOrder& spec, const std::string& import_batch, TimePoint now) {
  Order order;
  order.order_id = next_order_id_++;
  order.order_number = spec.order_number.empty() ? next_order_number(spec.store_id) : spec.order_number;
  order.order_key = spec.order_key.value_or(random_.hex(32));
  order.order_date = spec.order_date.value_or(now);
  order.create_date = order.modify_date = now;
  order.order_status = spec.order_status;
  if (spec.order_status != kAwaitingPayment) order.payment_date = order.order_date;
  order.customer_id = spec.customer_id;
  if (!spec.customer_email.empty()) order.customer_username = order.customer_email = spec.customer_email;
  order.bill_to.name = spec.customer_name;
  order.ship_to = spec.ship_to;
  if (!order.ship_to.name) order.ship_to.name = spec.customer_name;
  for (const auto& item : spec.items) {
    OrderItem line;
    line.sku = item.sku;
    line.name = item.name;
    line.quantity = item.quantity;
    line.unit_price = item.unit_price;
    line.weight_ounces = item.weight_ounces;
    line.adjustment = item.adjustment;
    line.product_id = item.product_id;
    order.items.push_back(std::move(line));
  }
  assign_item_ids(order, now);
  order.tax_amount = spec.tax_amount;
  order.shipping_amount = spec.shipping_amount;
  order.amount_paid = spec.amount_paid.value_or(spec.order_status == kAwaitingPayment ? Decimal{} : order.order_total());
  order.customer_notes = spec.customer_notes;
  order.payment_method = "Credit Card";
  order.requested_shipping_service = spec.requested_shipping_service;
  order.store_id = spec.store_id;
  order.warehouse_id = 40'001;
  order.source = find_store(spec.store_id)->marketplace_name;
  order.import_batch = import_batch;
  return order;
}

std::vector<ImportBatch> Account::create_orders(const std::vector<NewOrder>& specs, TimePoint now) {
  for (const auto& spec : specs)
    if (!find_store(spec.store_id)) throw not_found("store", spec.store_id);
  std::vector<ImportBatch> batches;
  for (const auto& spec : specs) {
    auto batch = std::find_if(batches.begin(), batches.end(),
                              [&](const ImportBatch& b) { return b.store_id == spec.store_id; });
    if (batch == batches.end()) batch = batches.insert(batches.end(), {random_.uuid(), spec.store_id, {}, false});
    Order order = build_order(spec, batch->import_batch, now);
    batch->order_ids.push_back(order.order_id);
    batch->notify = batch->notify || order.order_status != kAwaitingPayment;
    orders.emplace(order.order_id, std::move(order));
  }
  return batches;
}

void Account::edit_order(std::int64_t order_id, const std::function<void(Order&)>& edit, TimePoint now) {
  Order& target = order(order_id);
  Order edited = target;
  edit(edited);
  edited.order_id = target.order_id;
  edited.create_date = target.create_date;
  assign_item_ids(edited, now);
  edited.modify_date = now;
  target = std::move(edited);
}

ImportBatch Account::mark_paid(std::int64_t order_id, TimePoint now) {
  Order& target = order(order_id);
  if (target.order_status != kAwaitingPayment)
    throw invalid(id_text("order", order_id) + " is " + target.order_status + ", not awaiting_payment");
  target.order_status = kAwaitingShipment;
  target.payment_date = now;
  target.amount_paid = target.order_total();
  target.modify_date = now;
  target.import_batch = random_.uuid();
  return {target.import_batch, target.store_id, {order_id}, true};
}

void Account::cancel_order(std::int64_t order_id, TimePoint now) {
  Order& target = order(order_id);
  if (target.order_status == kShipped)
    throw invalid(id_text("order", order_id) + " is shipped; void its labels before cancelling");
  target.order_status = kCancelled;
  target.modify_date = now;
}

Shipment Account::build_shipment(Order& order, const LabelOptions& options, std::int64_t batch_id,
                                 bool in_batch, TimePoint now) {
  Shipment shipment;
  shipment.shipment_id = next_shipment_id_++;
  shipment.order_id = order.order_id;
  shipment.order_key = order.order_key;
  shipment.order_number = order.order_number;
  shipment.user_id = user_id;
  shipment.customer_email = order.customer_email;
  shipment.create_date = now;
  shipment.ship_date = options.ship_date.value_or(pacific_date(now));
  shipment.shipment_cost = label_cost(order);
  shipment.insurance_cost = Decimal::from_units(0, 0);
  const auto serial = std::to_string(next_tracking_++);
  shipment.tracking_number = "9400111899" + std::string(12 - serial.size(), '0') + serial;
  shipment.batch_id = batch_id;
  if (in_batch) shipment.batch_number = std::to_string(next_batch_number_);
  shipment.carrier_code = options.carrier_code;
  shipment.service_code = options.service_code;
  shipment.warehouse_id = order.warehouse_id;
  shipment.store_id = order.store_id;
  shipment.ship_to = order.ship_to;
  shipment.weight_ounces = order.weight_ounces();
  for (const auto& item : order.items)
    if (!item.adjustment) shipment.items.push_back(item);
  return shipment;
}

LabelBatch Account::create_labels(const std::vector<std::int64_t>& order_ids, const LabelOptions& options,
                                  TimePoint now) {
  if (order_ids.empty()) throw invalid("a label batch needs at least one order");
  for (auto id : order_ids) {
    const Order& target = order(id);
    if (target.order_status == kCancelled || target.order_status == kAwaitingPayment)
      throw invalid(id_text("order", id) + " is " + target.order_status + "; no label can be created");
  }
  LabelBatch batch{next_batch_id_++, {}, {}};
  const bool in_batch = order_ids.size() > 1;
  for (auto id : order_ids) {
    Order& target = order(id);
    Shipment shipment = build_shipment(target, options, batch.batch_id, in_batch, now);
    target.order_status = kShipped;
    target.ship_date = shipment.ship_date;
    target.carrier_code = options.carrier_code;
    target.service_code = options.service_code;
    target.modify_date = now;
    batch.shipment_ids.push_back(shipment.shipment_id);
    batch.store_ids.insert(target.store_id);
    shipments.emplace(shipment.shipment_id, std::move(shipment));
  }
  if (in_batch) ++next_batch_number_;
  return batch;
}

bool Account::still_shipped(std::int64_t order_id) const {
  auto live = [&](const auto& entry) { return entry.second.order_id == order_id && !entry.second.voided; };
  auto fulfilled = [&](const auto& entry) { return entry.second.order_id == order_id; };
  return std::any_of(shipments.begin(), shipments.end(), live) ||
         std::any_of(fulfillments.begin(), fulfillments.end(), fulfilled);
}

void Account::void_label(std::int64_t shipment_id, TimePoint now) {
  auto it = shipments.find(shipment_id);
  if (it == shipments.end()) throw not_found("shipment", shipment_id);
  if (it->second.voided) throw invalid(id_text("shipment", shipment_id) + " is already voided");
  it->second.voided = true;
  it->second.void_date = now;
  Order& target = order(it->second.order_id);
  if (!still_shipped(target.order_id)) {
    target.order_status = kAwaitingShipment;
    target.ship_date.reset();
  }
  target.modify_date = now;
}

std::int64_t Account::mark_shipped(std::int64_t order_id, std::optional<std::string> carrier_code,
                                   std::string tracking_number, TimePoint now) {
  Order& target = order(order_id);
  if (target.order_status == kCancelled) throw invalid(id_text("order", order_id) + " is cancelled");
  Fulfillment fulfillment;
  fulfillment.fulfillment_id = next_fulfillment_id_++;
  fulfillment.order_id = order_id;
  fulfillment.order_number = target.order_number;
  fulfillment.user_id = user_id;
  fulfillment.customer_email = target.customer_email;
  fulfillment.tracking_number = std::move(tracking_number);
  fulfillment.create_date = now;
  fulfillment.ship_date = pacific_midnight(now);
  fulfillment.carrier_code = std::move(carrier_code);
  fulfillment.store_id = target.store_id;
  fulfillment.ship_to = target.ship_to;
  target.order_status = kShipped;
  target.ship_date = pacific_date(now);
  target.modify_date = now;
  fulfillments.emplace(fulfillment.fulfillment_id, fulfillment);
  return fulfillment.fulfillment_id;
}

std::int64_t Account::split_order(std::int64_t order_id, const std::vector<std::int64_t>& order_item_ids,
                                  TimePoint now) {
  Order& parent = order(order_id);
  if (parent.order_status == kShipped || parent.order_status == kCancelled)
    throw invalid(id_text("order", order_id) + " is " + parent.order_status + " and cannot be split");
  std::vector<OrderItem> moved, kept;
  for (const auto& item : parent.items) {
    const bool move = std::find(order_item_ids.begin(), order_item_ids.end(), item.order_item_id) != order_item_ids.end();
    (move ? moved : kept).push_back(item);
  }
  if (moved.size() != order_item_ids.size())
    throw invalid("some of the items to split do not belong to " + id_text("order", order_id));
  if (moved.empty() || kept.empty()) throw invalid("a split must leave items on both orders");
  Order child = parent;
  child.order_id = next_order_id_++;
  child.order_key = random_.hex(32);
  child.create_date = child.modify_date = now;
  child.items = std::move(moved);
  for (auto& item : child.items) item.order_item_id = 0;
  assign_item_ids(child, now);
  child.tax_amount = child.shipping_amount = child.amount_paid = Decimal{};
  child.merged_or_split = true;
  child.parent_id = parent.order_id;
  child.import_batch.clear();
  parent.items = std::move(kept);
  parent.merged_or_split = true;
  parent.modify_date = now;
  const auto child_id = child.order_id;
  orders.emplace(child_id, std::move(child));
  return child_id;
}

std::int64_t Account::subscribe(Webhook webhook) {
  webhook.webhook_id = next_webhook_id_++;
  const auto id = webhook.webhook_id;
  webhooks.emplace(id, std::move(webhook));
  return id;
}

bool Account::unsubscribe(std::int64_t webhook_id) { return webhooks.erase(webhook_id) > 0; }

}  // namespace ml::shipstation_sim
