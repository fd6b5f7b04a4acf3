#include "ml/reconciler/posting_content.hpp"

#include <algorithm>
#include <cctype>

#include "ml/qbxml/posting_identity.hpp"

namespace ml::reconciler {

using messages::OrderStatus;

std::string posting_key_for(const std::string& order_number, std::optional<std::int64_t> store_id,
                            bool store_qualified) {
  if (store_qualified && store_id) return std::to_string(*store_id) + ":" + order_number;
  return order_number;
}

const messages::SsOrderChanged& primary_part(const OrderGroup& group) {
  const auto& parts = group.parts;
  for (const auto& part : parts)
    if (std::ranges::any_of(parts, [&](const auto& p) { return p.parent_id == part.order_id; })) return part;
  return *std::ranges::min_element(parts, {}, &messages::SsOrderChanged::order_id);
}

bool is_live(const messages::SsOrderChanged& part) {
  return part.order_status != OrderStatus::cancelled && part.order_status != OrderStatus::rejected_fulfillment;
}

std::optional<messages::Date> txn_date(const OrderGroup& group) {
  const messages::SsShipmentChanged* first = nullptr;
  for (const auto& shipment : group.shipments)
    if (!shipment.voided && (!first || shipment.create_date < first->create_date)) first = &shipment;
  if (first) return first->ship_date;
  if (!group.shipments.empty()) return std::nullopt;
  for (const auto& part : group.parts)
    if (part.order_status == OrderStatus::shipped && part.ship_date) return part.ship_date;
  return std::nullopt;
}

core::Decimal line_amount(const core::Decimal& quantity, const core::Decimal& rate) {
  return (quantity * rate).round_half_up(2);
}

std::vector<messages::PostingLine> build_lines(const OrderGroup& group,
                                               const std::vector<std::vector<std::string>>& item_names,
                                               const MatchSettings& settings) {
  std::vector<messages::PostingLine> lines;
  auto shipping = core::Decimal::from_units(0, 2);
  auto tax = core::Decimal::from_units(0, 2);
  for (std::size_t p = 0; p < group.parts.size(); ++p) {
    const auto& part = group.parts[p];
    if (!is_live(part)) continue;
    for (std::size_t i = 0; i < part.items.size(); ++i) {
      const auto& item = part.items[i];
      auto amount = line_amount(item.quantity, item.unit_price);
      if (amount.is_zero()) continue;
      lines.push_back({item_names.at(p).at(i), item.name, item.quantity, item.unit_price, amount});
    }
    shipping += part.shipping_amount;
    tax += part.tax_amount;
  }
  if (!shipping.is_zero()) lines.push_back({settings.shipping_item, std::nullopt, std::nullopt, std::nullopt, shipping});
  if (!tax.is_zero()) lines.push_back({settings.tax_item, std::nullopt, std::nullopt, std::nullopt, tax});
  return lines;
}

messages::PostingTransaction transaction_for(const std::string& posting_key, messages::Date date,
                                             std::string customer_full_name, std::vector<messages::PostingLine> lines) {
  messages::PostingTransaction tx;
  tx.txn_date = date;
  tx.ref_number = qbxml::ref_number_for(posting_key);
  if (posting_key != tx.ref_number) {
    if (posting_key.size() <= qbxml::kPoNumberLength) tx.po_number = posting_key;
    else tx.memo = posting_key;
  }
  auto guid = qbxml::external_guid_for(posting_key);
  guid = guid.substr(1, guid.size() - 2);
  std::ranges::transform(guid, guid.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  tx.external_guid = std::move(guid);
  tx.customer_full_name = std::move(customer_full_name);
  tx.lines = std::move(lines);
  return tx;
}

}  // namespace ml::reconciler
