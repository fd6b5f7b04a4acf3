#include <array>
#include <utility>

#include "response_reading.hpp"

namespace ml::qbxml::detail {
namespace {

using tinyxml2::XMLElement;

template <class Visit>
void each_child(const XMLElement& e, Visit visit) {
  for (auto* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) visit(std::string_view(c->Name()), *c);
}

// The fields every list record has; false when `name` is not one of them.
template <class Record>
bool read_list_field(std::string_view name, const XMLElement& c, Record& r) {
  if (name == "ListID") r.list_id = text_of(c);
  else if (name == "TimeCreated") r.time_created = text_of(c);
  else if (name == "TimeModified") r.time_modified = text_of(c);
  else if (name == "EditSequence") r.edit_sequence = text_of(c);
  else if (name == "Name") r.name = text_of(c);
  else if (name == "FullName") r.full_name = text_of(c);
  else if (name == "IsActive") r.is_active = bool_of(c);
  else return false;
  return true;
}

// The fields every transaction has; false when `name` is not one of them.
template <class Record>
bool read_txn_field(std::string_view name, const XMLElement& c, Record& r) {
  if (name == "TxnID") r.txn_id = text_of(c);
  else if (name == "TimeCreated") r.time_created = text_of(c);
  else if (name == "TimeModified") r.time_modified = text_of(c);
  else if (name == "EditSequence") r.edit_sequence = text_of(c);
  else if (name == "TxnNumber") r.txn_number = integer_of(c);
  else if (name == "TxnDate") r.txn_date = date_of(c);
  else if (name == "RefNumber") r.ref_number = text_of(c);
  else return false;
  return true;
}

void read_sales_info(const XMLElement& group, Item& item) {
  each_child(group, [&](std::string_view name, const XMLElement& c) {
    if (name == "Desc" || name == "SalesDesc") item.description = text_of(c);
    else if (name == "Price" || name == "SalesPrice") item.sales_price = decimal_of(c);
  });
}

InvoiceLineRet parse_invoice_line(const XMLElement& e) {
  InvoiceLineRet line;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (name == "TxnLineID") line.txn_line_id = text_of(c);
    else if (name == "ItemRef") line.item = ref_of(c);
    else if (name == "Desc") line.desc = text_of(c);
    else if (name == "Quantity") line.quantity = decimal_of(c);
    else if (name == "Rate") line.rate = decimal_of(c);
    else if (name == "Amount") line.amount = decimal_of(c);
  });
  return line;
}

JournalLineRet parse_journal_line(const XMLElement& e, JournalLine::Side side) {
  JournalLineRet line;
  line.side = side;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (name == "TxnLineID") line.txn_line_id = text_of(c);
    else if (name == "AccountRef") line.account = ref_of(c);
    else if (name == "Amount") line.amount = decimal_of(c);
    else if (name == "Memo") line.memo = text_of(c);
    else if (name == "EntityRef") line.entity = ref_of(c);
  });
  return line;
}

constexpr std::array<std::pair<std::string_view, ItemKind>, 12> kItemKinds{{
    {"ItemInventoryRet", ItemKind::inventory},
    {"ItemNonInventoryRet", ItemKind::non_inventory},
    {"ItemServiceRet", ItemKind::service},
    {"ItemOtherChargeRet", ItemKind::other_charge},
    {"ItemInventoryAssemblyRet", ItemKind::inventory_assembly},
    {"ItemGroupRet", ItemKind::group},
    {"ItemDiscountRet", ItemKind::discount},
    {"ItemSalesTaxRet", ItemKind::sales_tax},
    {"ItemSalesTaxGroupRet", ItemKind::sales_tax_group},
    {"ItemPaymentRet", ItemKind::payment},
    {"ItemSubtotalRet", ItemKind::subtotal},
    {"ItemFixedAssetRet", ItemKind::fixed_asset},
}};

}  // namespace

std::optional<ItemKind> item_kind(std::string_view element_name) {
  if (!element_name.starts_with("Item") || !element_name.ends_with("Ret")) return std::nullopt;
  for (const auto& [name, kind] : kItemKinds)
    if (name == element_name) return kind;
  return std::nullopt;
}

Customer parse_customer(const XMLElement& e) {
  Customer r;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (read_list_field(name, c, r)) return;
    if (name == "Sublevel") r.sublevel = static_cast<int>(integer_of(c));
    else if (name == "CompanyName") r.company_name = text_of(c);
    else if (name == "FirstName") r.first_name = text_of(c);
    else if (name == "LastName") r.last_name = text_of(c);
    else if (name == "Email") r.email = text_of(c);
    else if (name == "Phone") r.phone = text_of(c);
    else if (name == "Balance") r.balance = decimal_of(c);
    else if (name == "TotalBalance") r.total_balance = decimal_of(c);
  });
  return r;
}

Item parse_item(const XMLElement& e, ItemKind kind) {
  Item r;
  r.kind = kind;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (read_list_field(name, c, r)) return;
    if (name == "SalesDesc" || name == "ItemDesc") r.description = text_of(c);
    else if (name == "SalesPrice") r.sales_price = decimal_of(c);
    else if (name == "SalesOrPurchase" || name == "SalesAndPurchase") read_sales_info(c, r);
    else if (name == "QuantityOnHand") r.quantity_on_hand = decimal_of(c);
    else if (name == "AverageCost") r.average_cost = decimal_of(c);
    else if (name == "QuantityOnOrder") r.quantity_on_order = decimal_of(c);
    else if (name == "QuantityOnSalesOrder") r.quantity_on_sales_order = decimal_of(c);
  });
  if (r.full_name.empty()) r.full_name = r.name;
  return r;
}

Invoice parse_invoice(const XMLElement& e) {
  Invoice r;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (read_txn_field(name, c, r)) return;
    if (name == "CustomerRef") r.customer = ref_of(c);
    else if (name == "PONumber") r.po_number = text_of(c);
    else if (name == "Memo") r.memo = text_of(c);
    else if (name == "Other") r.other = text_of(c);
    else if (name == "ExternalGUID") r.external_guid = text_of(c);
    else if (name == "Subtotal") r.subtotal = decimal_of(c);
    else if (name == "SalesTaxTotal") r.sales_tax_total = decimal_of(c);
    else if (name == "BalanceRemaining") r.balance_remaining = decimal_of(c);
    else if (name == "IsPaid") r.is_paid = bool_of(c);
    else if (name == "InvoiceLineRet") r.lines.push_back(parse_invoice_line(c));
  });
  return r;
}

JournalEntry parse_journal_entry(const XMLElement& e) {
  JournalEntry r;
  each_child(e, [&](std::string_view name, const XMLElement& c) {
    if (read_txn_field(name, c, r)) return;
    if (name == "ExternalGUID") r.external_guid = text_of(c);
    else if (name == "JournalDebitLine") r.lines.push_back(parse_journal_line(c, JournalLine::Side::debit));
    else if (name == "JournalCreditLine") r.lines.push_back(parse_journal_line(c, JournalLine::Side::credit));
  });
  return r;
}

}  // namespace ml::qbxml::detail
