#include "ml/reconciler/matching.hpp"

#include <algorithm>

#include "ml/reconciler/json_detail.hpp"
#include "ml/reconciler/quickbooks_names.hpp"

namespace ml::reconciler {
namespace {

using messages::LookupField;
using messages::LookupKey;

void add_key(std::vector<LookupKey>& keys, LookupField by, const std::string& value) {
  LookupKey key{by, value};
  if (std::ranges::find(keys, key) == keys.end()) keys.push_back(std::move(key));
}

// The order's match keys in the forms the cache and QuickBooks compare.
struct CustomerKeys {
  std::string email;        // email_key, "" when absent
  std::string stored_name;  // billTo.name as QuickBooks would store it, "" when absent
  std::string name;         // its name_key
};

CustomerKeys customer_keys(const messages::SsOrderChanged& order) {
  CustomerKeys keys;
  if (order.customer_email) keys.email = email_key(*order.customer_email);
  if (order.bill_to && order.bill_to->name) {
    keys.stored_name = quickbooks_stored_text(*order.bill_to->name).value_or("");
    keys.name = name_key(keys.stored_name).value_or("");
  }
  return keys;
}

// An inactive customer is no match: it counts as missing.
Known<messages::QbCustomer> active(Known<messages::QbCustomer> known) {
  if (known.knowledge == Knowledge::found && !known.record->is_active) return {Knowledge::missing, std::nullopt};
  return known;
}

Known<messages::QbCustomer> customer_by(const QbDirectory& directory, LookupField by, const std::string& key) {
  if (key.empty()) return {Knowledge::missing, std::nullopt};
  return active(directory.customer(by, key));
}

const char* rule_name(CustomerRule rule) {
  switch (rule) {
    case CustomerRule::email: return "email";
    case CustomerRule::name: return "name";
    case CustomerRule::mapping: return "mapping";
    case CustomerRule::store_default: return "store_default";
  }
  return "";
}

std::optional<std::string> mapped(const std::map<std::string, std::string>& table, const std::string& key) {
  if (key.empty()) return std::nullopt;
  const auto found = table.find(key);
  if (found == table.end()) return std::nullopt;
  return found->second;
}

Problem unknown_customer(const messages::SsOrderChanged& order, const CustomerKeys& keys,
                         const MatchSettings& settings) {
  std::vector<std::string> rules;
  for (const auto rule : settings.customer_rules) rules.emplace_back(rule_name(rule));
  JsonObject detail;
  detail.text("email", keys.email).text("bill_to_name", keys.stored_name).texts("rules_tried", rules);
  if (order.store_id) detail.number("store_id", *order.store_id);
  return {"unknown_customer",
          "Order " + order.order_number + ": no QuickBooks customer matches e-mail \"" + keys.email + "\" or name \"" +
              keys.stored_name + "\", and no mapping or store default applies.",
          detail.str()};
}

}  // namespace

std::expected<std::vector<CustomerRule>, std::string> parse_customer_rules(std::string_view text) {
  std::vector<CustomerRule> rules;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto word = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    std::optional<CustomerRule> rule;
    for (const auto candidate : {CustomerRule::email, CustomerRule::name, CustomerRule::mapping, CustomerRule::store_default})
      if (word == rule_name(candidate)) rule = candidate;
    if (!rule) return std::unexpected("unknown rule \"" + std::string(word) + "\" (use email, name, mapping, store_default)");
    if (std::ranges::find(rules, *rule) != rules.end()) return std::unexpected("rule \"" + std::string(word) + "\" given twice");
    rules.push_back(*rule);
  }
  if (rules.empty()) return std::unexpected("at least one rule is needed");
  return rules;
}

CustomerMatch match_customer(const messages::SsOrderChanged& order, const QbDirectory& directory,
                             const Mappings& mappings, const MatchSettings& settings) {
  const auto keys = customer_keys(order);
  const auto email = customer_by(directory, LookupField::email, keys.email);
  const auto name = customer_by(directory, LookupField::full_name, keys.name);
  for (const auto rule : settings.customer_rules) {
    switch (rule) {
      case CustomerRule::email:
      case CustomerRule::name: {
        const auto& known = rule == CustomerRule::email ? email : name;
        if (known.knowledge == Knowledge::found) return {known.record->full_name, {}, std::nullopt};
        if (known.knowledge == Knowledge::unknown) {
          CustomerMatch ask;
          if (email.knowledge == Knowledge::unknown) add_key(ask.ask, LookupField::email, keys.email);
          if (name.knowledge == Knowledge::unknown) add_key(ask.ask, LookupField::full_name, keys.stored_name);
          return ask;
        }
        break;
      }
      case CustomerRule::mapping:
        if (auto found = mapped(mappings.customer_by_email, keys.email)) return {found, {}, std::nullopt};
        if (auto found = mapped(mappings.customer_by_name, keys.name)) return {found, {}, std::nullopt};
        break;
      case CustomerRule::store_default:
        if (order.store_id)
          if (auto found = mappings.store_customer.find(*order.store_id); found != mappings.store_customer.end())
            return {found->second, {}, std::nullopt};
        break;
    }
  }
  return {std::nullopt, {}, unknown_customer(order, keys, settings)};
}

ItemMatch match_items(const messages::SsOrderChanged& order, const QbDirectory& directory, const Mappings& mappings,
                      const MatchSettings& settings) {
  ItemMatch result;
  std::vector<std::string> reported;
  const auto problem = [&](const std::string& sku, const std::string& line_name, const std::string& why) {
    if (std::ranges::find(reported, sku) != reported.end()) return;
    reported.push_back(sku);
    result.problems.push_back({"unknown_item", "Order " + order.order_number + ": " + why,
                               JsonObject().text("sku", sku).text("line", line_name).str()});
  };
  for (const auto& line : order.items) {
    std::string full_name;
    const auto sku = line.sku.value_or("");
    if (line.adjustment) {
      full_name = settings.discount_item;
      if (full_name.empty()) problem(sku, line.name, "adjustment line \"" + line.name + "\" but no discount item is configured.");
    } else if (sku.empty()) {
      problem(sku, line.name, "line \"" + line.name + "\" has no SKU to match a QuickBooks item.");
    } else if (auto found = mapped(mappings.item_by_sku, sku)) {
      full_name = *found;
    } else {
      const auto stored = quickbooks_stored_text(sku).value_or(sku);
      const auto known = directory.item(name_key(stored).value_or(stored));
      if (known.knowledge == Knowledge::found && known.record->is_active) full_name = known.record->full_name;
      else if (known.knowledge == Knowledge::unknown) add_key(result.ask, LookupField::full_name, stored);
      else problem(sku, line.name, "no active QuickBooks item is named \"" + stored + "\" and SKU " + sku + " has no mapping.");
    }
    result.item_full_names.push_back(std::move(full_name));
  }
  return result;
}

}  // namespace ml::reconciler
