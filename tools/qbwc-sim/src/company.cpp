#include "ml/qbwc_sim/company.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "ml/qbwc_sim/text.hpp"

namespace ml::qbwc_sim {
namespace {

std::int64_t epoch_seconds(core::TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

template <class T>
T* find_by_ref(std::vector<T>& list, const Ref& ref) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) {
    return ref.list_id.empty() ? iequals(x.name, ref.full_name) : x.list_id == ref.list_id;
  });
  return it == list.end() ? nullptr : &*it;
}

template <class T>
T* find_by_txn_id(std::vector<T>& list, std::string_view txn_id) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.txn_id == txn_id; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

bool Address::empty() const {
  return addr1.empty() && addr2.empty() && addr3.empty() && city.empty() && state.empty() &&
         postal_code.empty() && country.empty();
}

std::string_view to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::inventory: return "inventory";
    case ItemKind::non_inventory: return "non_inventory";
    case ItemKind::service: return "service";
    case ItemKind::other_charge: return "other_charge";
    case ItemKind::discount: return "discount";
    case ItemKind::sales_tax: return "sales_tax";
  }
  return "service";
}

std::optional<ItemKind> parse_item_kind(std::string_view text) {
  for (auto kind : {ItemKind::inventory, ItemKind::non_inventory, ItemKind::service, ItemKind::other_charge,
                    ItemKind::discount, ItemKind::sales_tax})
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

core::Decimal Invoice::subtotal() const {
  core::Decimal total = core::Decimal::from_units(0, 2);
  for (const auto& line : lines) total += line.amount;
  return total;
}

Account* Company::find_account(const Ref& ref) { return find_by_ref(accounts, ref); }
Customer* Company::find_customer(const Ref& ref) { return find_by_ref(customers, ref); }
Item* Company::find_item(const Ref& ref) { return find_by_ref(items, ref); }
Invoice* Company::find_invoice(std::string_view txn_id) { return find_by_txn_id(invoices, txn_id); }
JournalEntry* Company::find_journal_entry(std::string_view txn_id) {
  return find_by_txn_id(journal_entries, txn_id);
}

std::string Company::new_list_id(core::TimePoint now) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%X-%lld", next_list_serial++, static_cast<long long>(epoch_seconds(now)));
  return buf;
}

std::string Company::new_txn_id(core::TimePoint now) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%X-%lld", next_txn_serial++, static_cast<long long>(epoch_seconds(now)));
  return buf;
}

Stamp Company::new_stamp(core::TimePoint now) {
  Stamp stamp;
  stamp.created = std::chrono::floor<std::chrono::seconds>(now);
  touch(stamp, now);
  return stamp;
}

void Company::touch(Stamp& stamp, core::TimePoint now) {
  stamp.modified = std::chrono::floor<std::chrono::seconds>(now);
  last_edit_sequence = std::max(last_edit_sequence + 1, epoch_seconds(now));
  stamp.edit_sequence = std::to_string(last_edit_sequence);
}

std::string Company::next_invoice_ref_number() const {
  long long largest = 0;
  for (const auto& invoice : invoices) {
    const auto& ref = invoice.ref_number;
    if (!ref.empty() && ref.size() <= 11 && std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; }))
      largest = std::max(largest, std::stoll(ref));
  }
  return std::to_string(largest + 1);
}

Ref ref_of(const Account& account) { return {account.list_id, account.name}; }
Ref ref_of(const Customer& customer) { return {customer.list_id, customer.name}; }
Ref ref_of(const Item& item) { return {item.list_id, item.name}; }

}  // namespace ml::qbwc_sim
