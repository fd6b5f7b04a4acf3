#include "ret_writer.hpp"

#include "ml/qbwc_sim/text.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

using core::Decimal;
using tinyxml2::XMLElement;

void add_stamp(XMLElement& ret, const Stamp& stamp, int offset) {
  xml::add_text(ret, "TimeCreated", format_qb_datetime(stamp.created, offset));
  xml::add_text(ret, "TimeModified", format_qb_datetime(stamp.modified, offset));
  xml::add_text(ret, "EditSequence", stamp.edit_sequence);
}

XMLElement& add_list_head(XMLElement& parent, const char* name, const Item& item, int offset) {
  XMLElement& ret = xml::add(parent, name);
  xml::add_text(ret, "ListID", item.list_id);
  add_stamp(ret, item.stamp, offset);
  xml::add_text(ret, "Name", item.name);
  if (item.kind != ItemKind::sales_tax) xml::add_text(ret, "FullName", item.name);
  xml::add_bool(ret, "IsActive", item.active);
  if (item.kind != ItemKind::sales_tax) xml::add_text(ret, "Sublevel", "0");
  return ret;
}

Ref account_ref(Company& company, const std::string& name) {
  if (name.empty()) return {};
  if (const Account* account = company.find_account({"", name})) return ref_of(*account);
  return {"", name};
}

// Prices keep their own precision but never fewer than two decimals ("19.99", "2.695").
std::string price_text(const Decimal& value) { return value.scale() < 2 ? value.to_string(2) : value.to_string(); }

void add_price(XMLElement& parent, const char* amount_name, const char* percent_name, const Item& item) {
  if (item.price_is_percent) xml::add_text(parent, percent_name, item.price.to_string());
  else xml::add_text(parent, amount_name, price_text(item.price));
}

void write_sales_or_purchase(XMLElement& ret, Company& company, const Item& item) {
  XMLElement& sop = xml::add(ret, "SalesOrPurchase");
  xml::add_optional(sop, "Desc", item.description);
  add_price(sop, "Price", "PricePercent", item);
  xml::add_ref(sop, "AccountRef", account_ref(company, item.account));
}

void write_inventory_body(XMLElement& ret, Company& company, const Item& item) {
  xml::add_optional(ret, "ManufacturerPartNumber", item.manufacturer_part_number);
  xml::add_optional(ret, "SalesDesc", item.description);
  xml::add_text(ret, "SalesPrice", price_text(item.price));
  xml::add_ref(ret, "IncomeAccountRef", account_ref(company, item.account));
  xml::add_text(ret, "PurchaseCost", price_text(item.purchase_cost));
  xml::add_ref(ret, "COGSAccountRef", account_ref(company, "Cost of Goods Sold"));
  xml::add_ref(ret, "AssetAccountRef", account_ref(company, "Inventory Asset"));
  xml::add_text(ret, "QuantityOnHand", item.quantity_on_hand.to_string());
  xml::add_text(ret, "AverageCost", price_text(item.average_cost));
  xml::add_text(ret, "QuantityOnOrder", item.quantity_on_order.to_string());
  xml::add_text(ret, "QuantityOnSalesOrder", item.quantity_on_sales_order.to_string());
}

const char* ret_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::inventory: return "ItemInventoryRet";
    case ItemKind::non_inventory: return "ItemNonInventoryRet";
    case ItemKind::service: return "ItemServiceRet";
    case ItemKind::other_charge: return "ItemOtherChargeRet";
    case ItemKind::discount: return "ItemDiscountRet";
    case ItemKind::sales_tax: return "ItemSalesTaxRet";
  }
  return "ItemServiceRet";
}

void write_invoice_line(XMLElement& parent, const InvoiceLine& line) {
  XMLElement& ret = xml::add(parent, "InvoiceLineRet");
  xml::add_text(ret, "TxnLineID", line.txn_line_id);
  xml::add_ref(ret, "ItemRef", line.item);
  xml::add_optional(ret, "Desc", line.description);
  if (line.quantity) xml::add_text(ret, "Quantity", line.quantity->to_string());
  if (line.rate) xml::add_text(ret, "Rate", price_text(*line.rate));
  else if (line.rate_percent) xml::add_text(ret, "RatePercent", line.rate_percent->to_string());
  xml::add_amount(ret, "Amount", line.amount);
}

}  // namespace

void write_customer_ret(XMLElement& parent, Company& company, const Customer& customer) {
  const int offset = company.info.utc_offset_minutes;
  XMLElement& ret = xml::add(parent, "CustomerRet");
  xml::add_text(ret, "ListID", customer.list_id);
  add_stamp(ret, customer.stamp, offset);
  xml::add_text(ret, "Name", customer.name);
  xml::add_text(ret, "FullName", customer.name);
  xml::add_bool(ret, "IsActive", customer.active);
  xml::add_text(ret, "Sublevel", "0");
  xml::add_optional(ret, "CompanyName", customer.company_name);
  xml::add_optional(ret, "FirstName", customer.first_name);
  xml::add_optional(ret, "LastName", customer.last_name);
  xml::add_address(ret, "BillAddress", customer.bill_address);
  xml::add_address(ret, "ShipAddress", customer.ship_address);
  xml::add_optional(ret, "Phone", customer.phone);
  xml::add_optional(ret, "Email", customer.email);
  xml::add_amount(ret, "Balance", customer.balance);
  xml::add_amount(ret, "TotalBalance", customer.balance);
  xml::add_text(ret, "JobStatus", "None");
}

void write_item_ret(XMLElement& parent, Company& company, const Item& item) {
  XMLElement& ret = add_list_head(parent, ret_name(item.kind), item, company.info.utc_offset_minutes);
  switch (item.kind) {
    case ItemKind::inventory:
      write_inventory_body(ret, company, item);
      break;
    case ItemKind::non_inventory:
      xml::add_optional(ret, "ManufacturerPartNumber", item.manufacturer_part_number);
      write_sales_or_purchase(ret, company, item);
      break;
    case ItemKind::service:
    case ItemKind::other_charge:
      write_sales_or_purchase(ret, company, item);
      break;
    case ItemKind::discount:
      xml::add_optional(ret, "ItemDesc", item.description);
      add_price(ret, "DiscountRate", "DiscountRatePercent", item);
      xml::add_ref(ret, "AccountRef", account_ref(company, item.account));
      break;
    case ItemKind::sales_tax:
      xml::add_optional(ret, "ItemDesc", item.description);
      xml::add_text(ret, "TaxRate", item.price.to_string());
      break;
  }
}

void write_invoice_ret(XMLElement& parent, Company& company, const Invoice& invoice, bool with_lines) {
  const int offset = company.info.utc_offset_minutes;
  const Decimal zero = Decimal::from_units(0, 2);
  const Decimal balance = invoice.voided ? zero : invoice.subtotal();
  XMLElement& ret = xml::add(parent, "InvoiceRet");
  xml::add_text(ret, "TxnID", invoice.txn_id);
  add_stamp(ret, invoice.stamp, offset);
  xml::add_text(ret, "TxnNumber", std::to_string(invoice.txn_number));
  xml::add_ref(ret, "CustomerRef", invoice.customer);
  xml::add_ref(ret, "ARAccountRef", account_ref(company, "Accounts Receivable"));
  xml::add_text(ret, "TxnDate", invoice.txn_date);
  xml::add_optional(ret, "RefNumber", invoice.ref_number);
  xml::add_address(ret, "BillAddress", invoice.bill_address);
  xml::add_address(ret, "ShipAddress", invoice.ship_address);
  xml::add_bool(ret, "IsPending", invoice.is_pending);
  xml::add_bool(ret, "IsFinanceCharge", false);
  xml::add_optional(ret, "PONumber", invoice.po_number);
  xml::add_optional(ret, "DueDate", invoice.due_date);
  xml::add_optional(ret, "FOB", invoice.fob);
  xml::add_optional(ret, "ShipDate", invoice.ship_date);
  xml::add_amount(ret, "Subtotal", invoice.subtotal());
  xml::add_text(ret, "SalesTaxPercentage", "0.00");
  xml::add_amount(ret, "SalesTaxTotal", zero);
  xml::add_amount(ret, "AppliedAmount", zero);
  xml::add_amount(ret, "BalanceRemaining", balance);
  xml::add_optional(ret, "Memo", invoice.memo);
  xml::add_bool(ret, "IsPaid", balance.is_zero() || balance.is_negative());
  xml::add_bool(ret, "IsToBePrinted", invoice.to_be_printed);
  xml::add_bool(ret, "IsToBeEmailed", false);
  xml::add_optional(ret, "Other", invoice.other);
  xml::add_optional(ret, "ExternalGUID", invoice.external_guid);
  if (with_lines)
    for (const auto& line : invoice.lines) write_invoice_line(ret, line);
}

void write_journal_entry_ret(XMLElement& parent, Company& company, const JournalEntry& entry) {
  XMLElement& ret = xml::add(parent, "JournalEntryRet");
  xml::add_text(ret, "TxnID", entry.txn_id);
  add_stamp(ret, entry.stamp, company.info.utc_offset_minutes);
  xml::add_text(ret, "TxnNumber", std::to_string(entry.txn_number));
  xml::add_text(ret, "TxnDate", entry.txn_date);
  xml::add_optional(ret, "RefNumber", entry.ref_number);
  xml::add_bool(ret, "IsAdjustment", entry.is_adjustment);
  xml::add_optional(ret, "ExternalGUID", entry.external_guid);
  for (const auto& line : entry.lines) {
    XMLElement& el = xml::add(ret, line.debit ? "JournalDebitLine" : "JournalCreditLine");
    xml::add_text(el, "TxnLineID", line.txn_line_id);
    xml::add_ref(el, "AccountRef", line.account);
    xml::add_amount(el, "Amount", line.amount);
    xml::add_optional(el, "Memo", line.memo);
    xml::add_ref(el, "EntityRef", line.entity);
  }
}

void keep_included_elements(XMLElement& ret, const RetOptions& options) {
  if (options.include_elements.empty()) return;
  for (XMLElement* child = ret.FirstChildElement(); child;) {
    XMLElement* next = child->NextSiblingElement();
    if (!options.include_elements.contains(child->Name())) ret.DeleteChild(child);
    child = next;
  }
}

}  // namespace ml::qbwc_sim
