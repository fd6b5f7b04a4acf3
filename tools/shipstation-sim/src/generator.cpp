#include "ml/shipstation_sim/generator.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ml/shipstation_sim/pacific_time.hpp"

namespace ml::shipstation_sim {

namespace {

using namespace std::chrono;

/// Per-mille chances of each trait of an order.
struct Chance {
  static constexpr unsigned unknown_sku = 50, unknown_customer = 20, discount = 150, awaiting_payment = 10,
                            edit = 80, cancel = 30, split = 15, mark_shipped = 30, void_label = 25,
                            single_label = 100, paid_differs = 10;
};

enum class Step { create, pay, edit, split, cancel, label, single_label, mark_shipped, void_label };

struct Action {
  TimePoint at;
  Step step;
  std::size_t order = 0;  ///< Index into the plan's orders.
};

struct Plan {
  std::vector<NewOrder> orders;
  std::vector<Action> actions;
};

TimePoint wall_clock(TimePoint day, const char* hh_mm) { return *parse_query_time(pacific_date(day) + " " + hh_mm); }

/// Labels are printed in batches at 10:00 and 15:00 Pacific.
TimePoint next_label_batch(TimePoint after) {
  for (int day = 0;; ++day) {
    const auto base = after + hours(24 * day);
    for (const char* slot : {"10:00:00", "15:00:00"})
      if (auto t = wall_clock(base, slot); t > after) return t;
  }
}

TimePoint next_import_tick(TimePoint after) {
  const auto tick = minutes(15);
  return TimePoint(duration_cast<TimePoint::duration>((floor<minutes>(after).time_since_epoch() / tick + 1) * tick));
}

Decimal tax_rate(const std::string& state) {
  static const std::map<std::string, const char*> kRates{{"CA", "0.0725"}, {"TX", "0.0625"}, {"WA", "0.065"},
                                                        {"NY", "0.04"},   {"CO", "0.029"},  {"WI", "0.05"},
                                                        {"NC", "0.0475"}, {"ID", "0.06"},   {"AZ", "0.056"}};
  auto it = kRates.find(state);
  return Decimal::from_string(it == kRates.end() ? "0" : it->second);
}

class MonthPlanner {
 public:
  MonthPlanner(const GeneratorOptions& o, const Catalogue& c, const std::vector<Store>& s, MonthStats& st)
      : options_(o), catalogue_(c), stores_(s), stats_(st), random_(o.seed) {}

  Plan plan(TimePoint start, TimePoint end) {
    Plan plan;
    std::vector<TimePoint> placed;
    for (int i = 0; i < options_.orders; ++i)
      placed.push_back(start + milliseconds(random_.between(0, duration_cast<milliseconds>(end - start).count() - 1)));
    std::sort(placed.begin(), placed.end());
    for (const auto when : placed) add_order(plan, when);
    std::stable_sort(plan.actions.begin(), plan.actions.end(), [](const Action& a, const Action& b) { return a.at < b.at; });
    std::erase_if(plan.actions, [&](const Action& a) { return a.at >= end; });
    return plan;
  }

 private:
  void add_order(Plan& plan, TimePoint placed) {
    const std::size_t index = plan.orders.size();
    NewOrder order = order_spec(placed);
    const bool awaiting_payment = random_.chance(Chance::awaiting_payment);
    if (awaiting_payment) order.order_status = kAwaitingPayment;
    const auto created = next_import_tick(placed);
    auto ready = created;
    plan.actions.push_back({created, Step::create, index});
    if (awaiting_payment) {
      ready = created + minutes(random_.between(30, 24 * 60));
      plan.actions.push_back({ready, Step::pay, index});
    }
    if (random_.chance(Chance::edit)) plan.actions.push_back({ready + minutes(random_.between(5, 600)), Step::edit, index});
    if (random_.chance(Chance::cancel)) {
      plan.actions.push_back({ready + minutes(random_.between(30, 2000)), Step::cancel, index});
    } else if (random_.chance(Chance::mark_shipped)) {
      plan.actions.push_back({ready + minutes(random_.between(60, 3000)), Step::mark_shipped, index});
    } else {
      add_shipping(plan, order, index, ready);
    }
    plan.orders.push_back(std::move(order));
  }

  void add_shipping(Plan& plan, const NewOrder& order, std::size_t index, TimePoint ready) {
    const auto physical = std::count_if(order.items.begin(), order.items.end(), [](const NewItem& i) { return !i.adjustment; });
    if (physical >= 2 && random_.chance(Chance::split))
      plan.actions.push_back({ready + minutes(random_.between(10, 180)), Step::split, index});
    const bool single = random_.chance(Chance::single_label);
    const auto label_at = single ? ready + minutes(random_.between(240, 2880)) : next_label_batch(ready + hours(4));
    plan.actions.push_back({label_at, single ? Step::single_label : Step::label, index});
    if (!random_.chance(Chance::void_label)) return;
    const auto void_at = label_at + minutes(random_.between(20, 1200));
    plan.actions.push_back({void_at, Step::void_label, index});
    plan.actions.push_back({next_label_batch(void_at + hours(1)), Step::label, index});
  }

  NewOrder order_spec(TimePoint placed) {
    NewOrder order;
    const auto store_roll = random_.below(100);
    order.store_id = stores_[store_roll < 45 ? 0 : store_roll < 75 ? 1 : 2].store_id;
    order.order_number = next_number(order.store_id, store_roll >= 45 && store_roll < 75);
    order.order_date = placed;
    choose_customer(order);
    const auto lines = random_.between(1, 4);
    Decimal subtotal;
    for (int i = 0; i < lines; ++i) {
      const auto& p = catalogue_.products[random_.below(catalogue_.products.size())];
      order.items.push_back({p.sku, p.name, static_cast<int>(random_.between(1, 3)), p.unit_price, p.weight_ounces, false, p.product_id});
    }
    if (random_.chance(Chance::unknown_sku)) {
      ++stats_.unknown_sku_orders;
      order.items.push_back({"NEW-" + random_.hex(6), "Limited Edition Gift Box", 1,
                             Decimal::from_units(random_.between(15, 60) * 100 - 1, 2), Decimal::from_units(20, 0), false, {}});
    }
    for (const auto& item : order.items) subtotal += item.unit_price * Decimal::from_units(item.quantity, 0);
    if (random_.chance(Chance::discount)) {
      ++stats_.discounted_orders;
      const auto off = (subtotal * Decimal::from_string("0.10")).round_half_up(2);
      order.items.push_back({catalogue_.adjustment_skus[random_.below(2)], "10% OFF", 1, -off, Decimal{}, true, {}});
      subtotal -= off;
    }
    order.tax_amount = (subtotal * tax_rate(order.ship_to.state.value_or(""))).round_half_up(2);
    order.shipping_amount = subtotal > Decimal::from_units(150, 0) ? Decimal::from_string("0.00")
                                                                  : Decimal::from_string(random_.chance(500) ? "5.99" : "8.95");
    if (random_.chance(Chance::paid_differs))
      order.amount_paid = subtotal + order.tax_amount + order.shipping_amount + Decimal::from_string("2.50");
    return order;
  }

  void choose_customer(NewOrder& order) {
    if (random_.chance(Chance::unknown_customer)) {
      ++stats_.unknown_customer_orders;
      const auto tag = random_.hex(5);
      order.customer_id = 64'000'001 + stats_.unknown_customer_orders;
      order.customer_name = "Walk-in Guest " + tag;
      order.customer_email = "guest-" + tag + "@newmail.example";
      order.ship_to = catalogue_.customers[random_.below(catalogue_.customers.size())].address;
      order.ship_to.name = order.customer_name;
      return;
    }
    const auto& c = catalogue_.customers[random_.below(catalogue_.customers.size())];
    order.customer_id = c.customer_id;
    order.customer_name = c.name;
    order.customer_email = c.email;
    order.ship_to = c.address;
  }

  /// Webstore counts from 1001 and the market stall from 1800, so their numbers overlap.
  std::string next_number(std::int64_t store_id, bool amazon) {
    if (amazon)
      return "11" + std::to_string(random_.between(1, 4)) + "-" + std::to_string(random_.between(1'000'000, 9'999'999)) +
             "-" + std::to_string(random_.between(1'000'000, 9'999'999));
    auto [it, inserted] = numbers_.try_emplace(store_id, store_id == stores_[0].store_id ? 1001 : 1800);
    return std::to_string(it->second++);
  }

  const GeneratorOptions& options_;
  const Catalogue& catalogue_;
  const std::vector<Store>& stores_;
  MonthStats& stats_;
  Random random_;
  std::map<std::int64_t, std::int64_t> numbers_;
};

class Replay {
 public:
  Replay(Account& account, MonthStats& stats, const Plan& plan, std::uint64_t seed)
      : account_(account), stats_(stats), plan_(plan), random_(seed ^ 0x5eedULL), ids_(plan.orders.size(), 0) {}

  void run() {
    const auto& actions = plan_.actions;
    for (std::size_t i = 0; i < actions.size();) {
      std::size_t j = i + 1;
      if (actions[i].step == Step::create || actions[i].step == Step::label)
        while (j < actions.size() && actions[j].step == actions[i].step && actions[j].at == actions[i].at) ++j;
      apply(actions.begin() + static_cast<std::ptrdiff_t>(i), actions.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }

 private:
  using Iter = std::vector<Action>::const_iterator;

  void apply(Iter first, Iter last) {
    // Clicks and imports do not land on whole minutes.
    const auto at = first->at + milliseconds(random_.between(0, 59'999)) + microseconds(random_.between(0, 999) * 10);
    switch (first->step) {
      case Step::create: return create(first, last, at);
      case Step::label: return label(first, last, at);
      case Step::single_label:
        for (auto id : with_children(ids_[first->order])) label_orders({id}, at);
        return;
      case Step::pay:
        if (status(first->order) == kAwaitingPayment) account_.mark_paid(ids_[first->order], at);
        return;
      case Step::edit: return edit(ids_[first->order], at);
      case Step::split: return split(ids_[first->order], at);
      case Step::cancel:
        if (status(first->order) == kShipped) return;
        ++stats_.cancelled_orders;
        return account_.cancel_order(ids_[first->order], at);
      case Step::mark_shipped:
        if (status(first->order) != kAwaitingShipment) return;
        ++stats_.marked_shipped_orders;
        account_.mark_shipped(ids_[first->order], "usps", "9205" + std::to_string(random_.between(100'000'000'000, 999'999'999'999)), at);
        return;
      case Step::void_label: return void_label(ids_[first->order], at);
    }
  }

  const std::string& status(std::size_t index) { return account_.order(ids_[index]).order_status; }

  void create(Iter first, Iter last, TimePoint at) {
    std::vector<NewOrder> specs;
    for (auto it = first; it != last; ++it) specs.push_back(plan_.orders[it->order]);
    const auto batches = account_.create_orders(specs, at);
    std::map<std::int64_t, std::size_t> taken;
    for (auto it = first; it != last; ++it) {
      const auto store = plan_.orders[it->order].store_id;
      const auto batch = std::find_if(batches.begin(), batches.end(), [&](const ImportBatch& b) { return b.store_id == store; });
      ids_[it->order] = batch->order_ids[taken[store]++];
      ++stats_.orders;
      if (plan_.orders[it->order].order_status == kAwaitingPayment) ++stats_.awaiting_payment_orders;
    }
  }

  std::vector<std::int64_t> with_children(std::int64_t id) {
    std::vector<std::int64_t> out{id};
    const auto& more = children_[id];
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }

  void label(Iter first, Iter last, TimePoint at) {
    std::vector<std::int64_t> ids;
    for (auto it = first; it != last; ++it)
      for (auto id : with_children(ids_[it->order])) ids.push_back(id);
    label_orders(ids, at);
  }

  void label_orders(std::vector<std::int64_t> ids, TimePoint at) {
    std::erase_if(ids, [&](std::int64_t id) { return account_.order(id).order_status != kAwaitingShipment; });
    if (ids.empty()) return;
    const auto batch = account_.create_labels(ids, {}, at);
    for (std::size_t k = 0; k < ids.size(); ++k) live_label_[ids[k]] = batch.shipment_ids[k];
    stats_.labels += static_cast<int>(ids.size());
    ++stats_.label_batches;
  }

  void edit(std::int64_t id, TimePoint at) {
    if (account_.order(id).order_status == kCancelled) return;
    ++stats_.edited_orders;
    const bool change_quantity = account_.order(id).order_status == kAwaitingShipment && random_.chance(400);
    account_.edit_order(id, [&](Order& order) {
      order.internal_notes = change_quantity ? "Customer asked for one more" : "Gift wrap requested by phone";
      if (change_quantity) ++order.items.front().quantity;
      if (change_quantity) order.amount_paid = order.order_total();
    }, at);
  }

  void split(std::int64_t id, TimePoint at) {
    const Order& order = account_.order(id);
    if (order.order_status != kAwaitingShipment) return;
    std::vector<std::int64_t> physical;
    for (const auto& item : order.items)
      if (!item.adjustment) physical.push_back(item.order_item_id);
    if (physical.size() < 2) return;
    children_[id].push_back(account_.split_order(id, {physical.back()}, at));
    ++stats_.split_orders;
  }

  void void_label(std::int64_t id, TimePoint at) {
    auto it = live_label_.find(id);
    if (it == live_label_.end()) return;
    account_.void_label(it->second, at);
    live_label_.erase(it);
    ++stats_.voided_labels;
  }

  Account& account_;
  MonthStats& stats_;
  const Plan& plan_;
  Random random_;
  std::vector<std::int64_t> ids_;
  std::map<std::int64_t, std::vector<std::int64_t>> children_;
  std::map<std::int64_t, std::int64_t> live_label_;
};

int reused_numbers(const Account& account) {
  std::map<std::string, std::set<std::int64_t>> stores_by_number;
  for (const auto& [id, order] : account.orders) stores_by_number[order.order_number].insert(order.store_id);
  return static_cast<int>(std::count_if(stores_by_number.begin(), stores_by_number.end(),
                                        [](const auto& entry) { return entry.second.size() > 1; }));
}

TimePoint first_of_month(int year, unsigned month) {
  if (month > 12) ++year, month = 1;
  return *parse_query_time(std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01");
}

}  // namespace

MerchantMonth generate_month(const GeneratorOptions& options) {
  MerchantMonth month{Account(options.seed), merchant_catalogue(options.seed), {}};
  month.account.stores = merchant_stores(options.seed);
  const auto start = first_of_month(options.year, options.month);
  const auto end = first_of_month(options.year, options.month + 1);
  const Plan plan = MonthPlanner(options, month.catalogue, month.account.stores, month.stats).plan(start, end);
  Replay(month.account, month.stats, plan, options.seed).run();
  month.stats.reused_order_numbers = reused_numbers(month.account);
  return month;
}

}  // namespace ml::shipstation_sim
