#include <algorithm>

#include "sim_state.hpp"

namespace ml::shipstation_sim {

std::vector<std::int64_t> Scenario::create_orders(const std::vector<NewOrder>& orders) {
  std::lock_guard lock(state_->mutex);
  const auto batches = state_->account.create_orders(orders, state_->now());
  std::vector<std::int64_t> ids;
  for (const auto& batch : batches) {
    ids.insert(ids.end(), batch.order_ids.begin(), batch.order_ids.end());
    state_->deliver(order_notifications(state_->account, batch, state_->hosts), false);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::int64_t Scenario::create_order(const NewOrder& order) { return create_orders({order}).front(); }

void Scenario::edit_order(std::int64_t order_id, const std::function<void(Order&)>& edit) {
  std::lock_guard lock(state_->mutex);
  state_->account.edit_order(order_id, edit, state_->now());
}

void Scenario::mark_paid(std::int64_t order_id) {
  std::lock_guard lock(state_->mutex);
  const auto batch = state_->account.mark_paid(order_id, state_->now());
  state_->deliver(order_notifications(state_->account, batch, state_->hosts), false);
}

void Scenario::cancel_order(std::int64_t order_id) {
  std::lock_guard lock(state_->mutex);
  state_->account.cancel_order(order_id, state_->now());
}

LabelBatch Scenario::create_labels(const std::vector<std::int64_t>& order_ids, const LabelOptions& options) {
  std::lock_guard lock(state_->mutex);
  auto batch = state_->account.create_labels(order_ids, options, state_->now());
  state_->deliver(ship_notifications(state_->account, batch, state_->hosts), true);
  return batch;
}

void Scenario::void_label(std::int64_t shipment_id) {
  std::lock_guard lock(state_->mutex);
  state_->account.void_label(shipment_id, state_->now());
}

std::int64_t Scenario::mark_shipped(std::int64_t order_id, std::optional<std::string> carrier_code,
                                    std::string tracking_number) {
  std::lock_guard lock(state_->mutex);
  return state_->account.mark_shipped(order_id, std::move(carrier_code), std::move(tracking_number), state_->now());
}

std::int64_t Scenario::split_order(std::int64_t order_id, const std::vector<std::int64_t>& order_item_ids) {
  std::lock_guard lock(state_->mutex);
  return state_->account.split_order(order_id, order_item_ids, state_->now());
}

void Scenario::poison_order(std::int64_t order_id, bool poisoned) {
  std::lock_guard lock(state_->mutex);
  if (!state_->account.find_order(order_id))
    throw ScenarioError(ScenarioError::Kind::not_found, "order " + std::to_string(order_id) + " does not exist");
  if (poisoned) {
    state_->account.poisoned_orders.insert(order_id);
  } else {
    state_->account.poisoned_orders.erase(order_id);
  }
}

void Scenario::inject_429(int count) { state_->forced_429 = count; }

void Scenario::duplicate_ship_notify_every(int n) { state_->duplicate_every = n; }

void Scenario::set_webhook_delay(std::chrono::milliseconds delay) { state_->webhook_delay_ms = delay.count(); }

void Scenario::set_rate_limit(int limit, std::chrono::milliseconds window) { state_->limiter.configure(limit, window); }

void Scenario::shift_clock(std::chrono::nanoseconds by) { state_->clock->shift_by(by); }

ml::core::TimePoint Scenario::now() const { return state_->now(); }

std::optional<Order> Scenario::order(std::int64_t order_id) const {
  std::lock_guard lock(state_->mutex);
  const auto* found = state_->account.find_order(order_id);
  return found ? std::optional<Order>(*found) : std::nullopt;
}

std::optional<Shipment> Scenario::shipment(std::int64_t shipment_id) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->account.shipments.find(shipment_id);
  return it == state_->account.shipments.end() ? std::nullopt : std::optional<Shipment>(it->second);
}

void Scenario::inspect(const std::function<void(const Account&)>& read) const {
  std::lock_guard lock(state_->mutex);
  read(state_->account);
}

}  // namespace ml::shipstation_sim
