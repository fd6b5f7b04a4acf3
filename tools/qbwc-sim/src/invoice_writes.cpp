// InvoiceAdd and InvoiceMod.
#include <algorithm>

#include "ml/qbwc_sim/text.hpp"
#include "handlers.hpp"
#include "ret_writer.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

using core::Decimal;

const Decimal kPercent = Decimal::from_units(1, 2);

std::string latin1(const XMLElement& parent, const char* name) { return to_latin1_repertoire(xml::text(parent, name)); }

void set_if_present(const XMLElement& src, const char* name, std::string& field) {
  if (src.FirstChildElement(name)) field = latin1(src, name);
}

Address latin1_address(const XMLElement& src, const char* name) {
  Address a = xml::address(src, name);
  for (std::string* field : {&a.addr1, &a.addr2, &a.addr3, &a.city, &a.state, &a.postal_code, &a.country})
    *field = to_latin1_repertoire(*field);
  return a;
}

std::string ref_label(const Ref& ref) { return ref.full_name.empty() ? ref.list_id : ref.full_name; }

// Inventory sold on an invoice leaves QuantityOnHand; open invoices add to the customer's balance.
void apply_effects(Company& company, const Invoice& invoice, int sign) {
  const Decimal direction = Decimal::from_units(sign, 0);
  if (Customer* customer = company.find_customer(invoice.customer)) customer->balance += direction * invoice.subtotal();
  if (invoice.is_pending) return;
  for (const auto& line : invoice.lines) {
    Item* item = line.item.empty() ? nullptr : company.find_item(line.item);
    if (item && item->kind == ItemKind::inventory && line.quantity)
      item->quantity_on_hand -= direction * *line.quantity;
  }
}

// Amount = Quantity × Rate when not given; otherwise the item's price (a percentage item applies
// to the line before it, discounts subtract).
void price_line(InvoiceLine& line, const Item* item, const Decimal& previous_amount) {
  const bool discount = item && item->kind == ItemKind::discount;
  if (!line.rate && !line.rate_percent && item) {
    if (item->price_is_percent) line.rate_percent = discount ? -item->price : item->price;
    else line.rate = discount ? -item->price : item->price;
  }
  if (line.rate) line.amount = (line.quantity.value_or(Decimal::from_units(1, 0)) * *line.rate).round_half_up(2);
  else if (line.rate_percent) line.amount = (previous_amount * *line.rate_percent * kPercent).round_half_up(2);
}

std::optional<Status> read_line(const XMLElement& src, Company& company, const Decimal& previous_amount,
                                InvoiceLine& line) {
  if (src.FirstChildElement("ItemRef")) line.item = xml::ref(src, "ItemRef");
  const Item* item = nullptr;
  if (!line.item.empty()) {
    item = company.find_item(line.item);
    if (!item) return Status::invalid_reference("Item", ref_label(line.item), "Invoice line");
    line.item = ref_of(*item);
  }
  set_if_present(src, "Desc", line.description);
  if (line.description.empty() && item) line.description = item->description;
  const auto quantity = xml::decimal(src, "Quantity");
  const auto rate = xml::decimal(src, "Rate");
  const auto percent = xml::decimal(src, "RatePercent");
  const auto amount = xml::decimal(src, "Amount");
  if (quantity) line.quantity = quantity;
  if (rate) line.rate = rate, line.rate_percent.reset();
  if (percent) line.rate_percent = percent, line.rate.reset();
  if (amount) line.amount = amount->round_half_up(2);
  else if (quantity || rate || percent || line.txn_line_id.empty()) price_line(line, item, previous_amount);
  return std::nullopt;
}

std::optional<Status> read_header(const XMLElement& src, Company& company, Invoice& invoice) {
  if (src.FirstChildElement("CustomerRef")) {
    const Ref wanted = xml::ref(src, "CustomerRef");
    const Customer* customer = company.find_customer(wanted);
    if (!customer) return Status::invalid_reference("Customer", ref_label(wanted), "Invoice");
    invoice.customer = ref_of(*customer);
  }
  set_if_present(src, "TxnDate", invoice.txn_date);
  set_if_present(src, "RefNumber", invoice.ref_number);
  if (src.FirstChildElement("BillAddress")) invoice.bill_address = latin1_address(src, "BillAddress");
  if (src.FirstChildElement("ShipAddress")) invoice.ship_address = latin1_address(src, "ShipAddress");
  invoice.is_pending = xml::boolean(src, "IsPending").value_or(invoice.is_pending);
  set_if_present(src, "PONumber", invoice.po_number);
  set_if_present(src, "DueDate", invoice.due_date);
  set_if_present(src, "FOB", invoice.fob);
  set_if_present(src, "ShipDate", invoice.ship_date);
  set_if_present(src, "Memo", invoice.memo);
  invoice.to_be_printed = xml::boolean(src, "IsToBePrinted").value_or(invoice.to_be_printed);
  set_if_present(src, "Other", invoice.other);
  set_if_present(src, "ExternalGUID", invoice.external_guid);
  return std::nullopt;
}

void fill_defaults(Invoice& invoice, Company& company, core::TimePoint now) {
  if (invoice.txn_date.empty()) invoice.txn_date = format_qb_date(now, company.info.utc_offset_minutes);
  if (invoice.due_date.empty()) invoice.due_date = invoice.txn_date;
  if (invoice.ship_date.empty()) invoice.ship_date = invoice.txn_date;
  if (invoice.ref_number.empty()) invoice.ref_number = company.next_invoice_ref_number();
  const Customer* customer = company.find_customer(invoice.customer);
  if (customer && invoice.bill_address.empty()) invoice.bill_address = customer->bill_address;
  if (customer && invoice.ship_address.empty()) invoice.ship_address = customer->ship_address;
}

std::optional<Status> read_lines(const XMLElement& src, const char* element, Company& company, Invoice& invoice,
                                 core::TimePoint now) {
  std::vector<InvoiceLine> lines;
  Decimal previous;
  for (const XMLElement* el = src.FirstChildElement(element); el; el = el->NextSiblingElement(element)) {
    const std::string id = xml::text(*el, "TxnLineID");
    InvoiceLine line;
    if (!id.empty() && id != "-1") {
      const auto it = std::find_if(invoice.lines.begin(), invoice.lines.end(),
                                   [&](const InvoiceLine& l) { return l.txn_line_id == id; });
      if (it == invoice.lines.end()) return Status::object_not_found(id);
      line = *it;
    }
    if (auto error = read_line(*el, company, previous, line)) return error;
    if (line.txn_line_id.empty()) line.txn_line_id = company.new_txn_id(now);
    previous = line.amount;
    lines.push_back(std::move(line));
  }
  invoice.lines = std::move(lines);
  return std::nullopt;
}

}  // namespace

Outcome invoice_add(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  const XMLElement* add = rq.FirstChildElement("InvoiceAdd");
  if (!add) return {Status{3000, "The request has no InvoiceAdd."}, {}, {}, {}};
  Company& company = ctx.company;
  Invoice invoice;
  if (!add->FirstChildElement("CustomerRef"))
    return {Status{3140, "There is a missing reference to QuickBooks Customer in the Invoice."}, {}, {}, {}};
  if (auto error = read_header(*add, company, invoice)) return {*error, {}, {}, {}};
  const auto serial = company.next_txn_serial;
  invoice.txn_id = company.new_txn_id(ctx.now);
  if (auto error = read_lines(*add, "InvoiceLineAdd", company, invoice, ctx.now)) {
    company.next_txn_serial = serial;
    return {*error, {}, {}, {}};
  }
  fill_defaults(invoice, company, ctx.now);
  invoice.stamp = company.new_stamp(ctx.now);
  invoice.txn_number = company.next_txn_number++;
  apply_effects(company, invoice, +1);
  company.invoices.push_back(std::move(invoice));
  write_invoice_ret(rs, company, company.invoices.back(), true);
  return {};
}

Outcome invoice_mod(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  const XMLElement* mod = rq.FirstChildElement("InvoiceMod");
  if (!mod) return {Status{3000, "The request has no InvoiceMod."}, {}, {}, {}};
  Company& company = ctx.company;
  const std::string txn_id = xml::text(*mod, "TxnID");
  Invoice* stored = company.find_invoice(txn_id);
  if (!stored) return {Status::object_not_found(txn_id), {}, {}, {}};
  if (ctx.user_edit_dice.roll(ctx.user_edit_rate)) company.touch(stored->stamp, ctx.now);
  const std::string sent = xml::text(*mod, "EditSequence");
  if (sent != stored->stamp.edit_sequence)
    return {Status{3200, "The provided edit sequence \"" + sent + "\" is out-of-date. "}, {}, {}, {}};
  Invoice updated = *stored;
  if (auto error = read_header(*mod, company, updated)) return {*error, {}, {}, {}};
  if (mod->FirstChildElement("InvoiceLineMod")) {
    if (auto error = read_lines(*mod, "InvoiceLineMod", company, updated, ctx.now)) return {*error, {}, {}, {}};
    updated.voided = false;  // re-entering the lines of a void invoice is how QuickBooks un-voids it
  }
  apply_effects(company, *stored, -1);
  apply_effects(company, updated, +1);
  company.touch(updated.stamp, ctx.now);
  *stored = std::move(updated);
  write_invoice_ret(rs, company, *stored, true);
  return {};
}

}  // namespace ml::qbwc_sim
