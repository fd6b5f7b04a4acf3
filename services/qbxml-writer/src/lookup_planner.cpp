#include "ml/qbxml_writer/lookup_planner.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "ml/qbxml/status.hpp"
#include "ml/qbxml_writer/request_text.hpp"

namespace ml::qbxml_writer {
namespace {

using messages::LookupField;
using messages::LookupKey;
using messages::LookupKind;

constexpr int kLookupPriority = 2;

// QuickBooks matches names case-insensitively, so a record it returned for a key is that key's.
bool same_text(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

messages::QbItemType item_type(qbxml::ItemKind kind) {
  using messages::QbItemType;
  switch (kind) {
    case qbxml::ItemKind::inventory: return QbItemType::inventory;
    case qbxml::ItemKind::non_inventory: return QbItemType::non_inventory;
    case qbxml::ItemKind::service: return QbItemType::service;
    case qbxml::ItemKind::other_charge: return QbItemType::other_charge;
    case qbxml::ItemKind::inventory_assembly: return QbItemType::inventory_assembly;
    case qbxml::ItemKind::group: return QbItemType::group;
    case qbxml::ItemKind::discount: return QbItemType::discount;
    case qbxml::ItemKind::sales_tax: return QbItemType::sales_tax;
    case qbxml::ItemKind::sales_tax_group: return QbItemType::sales_tax_group;
    case qbxml::ItemKind::payment: return QbItemType::payment;
    case qbxml::ItemKind::subtotal: return QbItemType::subtotal;
    case qbxml::ItemKind::fixed_asset: return QbItemType::fixed_asset;
  }
  return QbItemType::inventory;
}

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

bool matches(const LookupKey& key, std::string_view list_id, std::string_view full_name,
             std::optional<std::string_view> email) {
  switch (key.by) {
    case LookupField::list_id: return key.value == list_id;
    case LookupField::full_name: return same_text(key.value, full_name);
    case LookupField::email: return email && same_text(key.value, *email);
  }
  return false;
}

bool answered(const messages::QbLookupCompleted& answer, const LookupKey& key) {
  return std::ranges::any_of(answer.customers, [&](const auto& c) { return matches(key, c.list_id, c.full_name, c.email); }) ||
         std::ranges::any_of(answer.items, [&](const auto& i) { return matches(key, i.list_id, i.full_name, std::nullopt); });
}

qbxml::ListQuery list_query(const Lookup& lookup, LookupField by) {
  qbxml::ListQuery q;
  for (const auto& key : lookup.request.keys) {
    if (key.by != by) continue;
    (by == LookupField::list_id ? q.list_ids : q.full_names).push_back(key.value);
  }
  return q;
}

}  // namespace

LookupPlanner::LookupPlanner(std::string company_file, NewId new_id)
    : company_file_(std::move(company_file)), new_id_(std::move(new_id)) {}

messages::QbxmlRequest LookupPlanner::query(const Lookup& lookup, LookupQuery& slot) const {
  slot.request_id = new_id_();
  const auto base = list_query(lookup, slot.by);
  qbxml::Request request = qbxml::CustomerQuery{base};
  if (lookup.request.kind == LookupKind::item) request = qbxml::ItemQuery{base};
  if (lookup.request.kind == LookupKind::item_inventory) request = qbxml::ItemInventoryQuery{base};
  auto xml = request_element(slot.request_id, request);
  if (!xml) throw std::invalid_argument("qb.lookup.requested " + lookup.request.lookup_id + ": " + xml.error().to_string());
  return {slot.request_id, company_file_, kLookupPriority, std::nullopt, messages::QbxmlRequestKind::query,
          std::move(*xml), std::nullopt};
}

LookupDecision LookupPlanner::on_requested(const messages::QbLookupRequested& request,
                                           const std::vector<messages::QbCustomer>& known_customers) const {
  Lookup lookup{request, {}, {}};
  lookup.answer.lookup_id = request.lookup_id;
  lookup.answer.kind = request.kind;
  std::vector<LookupMessage> messages;
  for (const auto by : {LookupField::list_id, LookupField::full_name}) {
    const bool wanted = std::ranges::any_of(request.keys, [&](const auto& k) { return k.by == by; });
    if (!wanted) continue;
    lookup.pending.push_back({"", by});
    messages.push_back(query(lookup, lookup.pending.back()));
  }
  if (request.kind == LookupKind::customer)
    for (const auto& customer : known_customers)
      for (const auto& key : request.keys)
        if (key.by == LookupField::email && matches(key, customer.list_id, customer.full_name, customer.email)) {
          lookup.answer.customers.push_back(customer);
          break;
        }
  return finish_if_done(std::move(lookup), std::move(messages));
}

LookupDecision LookupPlanner::on_response(Lookup lookup, const messages::QbxmlResponse& response) const {
  auto slot = std::ranges::find(lookup.pending, response.request_id, &LookupQuery::request_id);
  if (slot == lookup.pending.end()) return {std::move(lookup), {}};
  if (response.outcome == messages::QbxmlOutcome::in_doubt) {
    auto request = query(lookup, *slot);
    return {std::move(lookup), {std::move(request)}};
  }
  const auto by = slot->by;
  lookup.pending.erase(slot);
  if (response.outcome == messages::QbxmlOutcome::hresult_error) {
    lookup.answer.error = messages::QbStatus{0, response.hresult.value_or("") + " " + response.status_message.value_or("")};
    return finish_if_done(std::move(lookup), {});
  }
  auto parsed = parse_response_element(response.response_xml.value_or(""));
  if (!parsed) {
    lookup.answer.error = messages::QbStatus{response.status_code.value_or(0), parsed.error()};
    return finish_if_done(std::move(lookup), {});
  }
  const auto verdict = parsed->verdict();
  const bool usable = verdict.outcome == qbxml::Outcome::ok || verdict.outcome == qbxml::Outcome::no_match ||
                      verdict.outcome == qbxml::Outcome::partial || verdict.outcome == qbxml::Outcome::warning;
  if (!usable) lookup.answer.error = messages::QbStatus{parsed->status.code, verdict.reason};
  const auto wanted = [&](std::string_view list_id, std::string_view full_name) {
    return std::ranges::any_of(lookup.request.keys,
                               [&](const auto& k) { return k.by == by && matches(k, list_id, full_name, std::nullopt); });
  };
  for (const auto& c : parsed->customers)
    if (wanted(c.list_id, c.full_name))
      lookup.answer.customers.push_back({c.list_id, c.full_name, non_empty(c.email), c.is_active, non_empty(c.time_modified)});
  for (const auto& i : parsed->items)
    if (wanted(i.list_id, i.full_name))
      lookup.answer.items.push_back(
          {i.list_id, i.full_name, item_type(i.kind), i.is_active, i.quantity_on_hand, non_empty(i.time_modified)});
  return finish_if_done(std::move(lookup), {});
}

LookupDecision LookupPlanner::finish_if_done(Lookup lookup, std::vector<LookupMessage> messages) const {
  if (!lookup.pending.empty()) return {std::move(lookup), std::move(messages)};
  lookup.answer.missing.clear();
  if (!lookup.answer.error)
    for (const auto& key : lookup.request.keys)
      if (!answered(lookup.answer, key)) lookup.answer.missing.push_back(key);
  messages.push_back(lookup.answer);
  return {std::move(lookup), std::move(messages)};
}

}  // namespace ml::qbxml_writer
