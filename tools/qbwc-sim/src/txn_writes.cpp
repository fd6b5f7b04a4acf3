// JournalEntryAdd, TxnVoid, and the QuickBooks field lengths of the write requests.
#include <map>

#include "ml/qbwc_sim/text.hpp"
#include "handlers.hpp"
#include "ret_writer.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

using core::Decimal;

std::string ref_label(const Ref& ref) { return ref.full_name.empty() ? ref.list_id : ref.full_name; }

std::optional<Status> read_journal_line(const XMLElement& src, bool debit, Company& company, core::TimePoint now,
                                        JournalLine& line) {
  line.debit = debit;
  const Ref account = xml::ref(src, "AccountRef");
  const Account* found = company.find_account(account);
  if (!found) return Status::invalid_reference("Account", ref_label(account), "Journal Entry");
  line.account = ref_of(*found);
  line.amount = xml::decimal(src, "Amount").value_or(Decimal{}).round_half_up(2);
  line.memo = to_latin1_repertoire(xml::text(src, "Memo"));
  if (src.FirstChildElement("EntityRef")) {
    const Ref entity = xml::ref(src, "EntityRef");
    const Customer* customer = company.find_customer(entity);
    if (!customer) return Status::invalid_reference("Entity", ref_label(entity), "Journal Entry");
    line.entity = ref_of(*customer);
  }
  line.txn_line_id = company.new_txn_id(now);
  return std::nullopt;
}

std::size_t character_count(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

void void_invoice(Company& company, Invoice& invoice) {
  for (auto& line : invoice.lines) {
    if (Item* item = line.item.empty() ? nullptr : company.find_item(line.item);
        item && item->kind == ItemKind::inventory && line.quantity && !invoice.is_pending)
      item->quantity_on_hand += *line.quantity;
  }
  if (Customer* customer = company.find_customer(invoice.customer)) customer->balance -= invoice.subtotal();
  for (auto& line : invoice.lines) {
    if (line.quantity) line.quantity = Decimal::from_units(0, 0);
    line.amount = Decimal::from_units(0, 2);
  }
  invoice.memo = "VOID: " + invoice.memo;
  invoice.voided = true;
}

}  // namespace

Outcome journal_entry_add(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  const XMLElement* add = rq.FirstChildElement("JournalEntryAdd");
  if (!add) return {Status{3000, "The request has no JournalEntryAdd."}, {}, {}, {}};
  Company& company = ctx.company;
  JournalEntry entry;
  entry.txn_date = xml::optional_text(*add, "TxnDate").value_or(format_qb_date(ctx.now, company.info.utc_offset_minutes));
  entry.ref_number = to_latin1_repertoire(xml::text(*add, "RefNumber"));
  entry.is_adjustment = xml::boolean(*add, "IsAdjustment").value_or(false);
  entry.external_guid = xml::text(*add, "ExternalGUID");
  const auto serial = company.next_txn_serial;
  entry.txn_id = company.new_txn_id(ctx.now);
  Decimal debits, credits;
  for (const XMLElement* el = add->FirstChildElement(); el; el = el->NextSiblingElement()) {
    const std::string_view name = el->Name();
    if (name != "JournalDebitLine" && name != "JournalCreditLine") continue;
    JournalLine line;
    if (auto error = read_journal_line(*el, name == "JournalDebitLine", company, ctx.now, line)) {
      company.next_txn_serial = serial;
      return {*error, {}, {}, {}};
    }
    (line.debit ? debits : credits) += line.amount;
    entry.lines.push_back(std::move(line));
  }
  if (debits != credits) {
    company.next_txn_serial = serial;
    return {Status{3180, "There was an error when saving a Journal Entry transaction.  QuickBooks error message: "
                         "The transaction is not in balance.  Make sure the amounts in the detail area on the debit "
                         "side equal the amounts on the credit side."},
            {}, {}, {}};
  }
  entry.stamp = company.new_stamp(ctx.now);
  entry.txn_number = company.next_txn_number++;
  company.journal_entries.push_back(std::move(entry));
  write_journal_entry_ret(rs, company, company.journal_entries.back());
  return {};
}

Outcome txn_void(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  Company& company = ctx.company;
  const std::string type = xml::text(rq, "TxnVoidType");
  const std::string txn_id = xml::text(rq, "TxnID");
  Stamp* stamp = nullptr;
  std::string ref_number;
  if (Invoice* invoice = type == "Invoice" ? company.find_invoice(txn_id) : nullptr) {
    if (!invoice->voided) void_invoice(company, *invoice);
    stamp = &invoice->stamp;
    ref_number = invoice->ref_number;
  } else if (JournalEntry* entry = type == "JournalEntry" ? company.find_journal_entry(txn_id) : nullptr) {
    for (auto& line : entry->lines) line.amount = Decimal::from_units(0, 2);
    entry->voided = true;
    stamp = &entry->stamp;
    ref_number = entry->ref_number;
  }
  if (!stamp) return {Status::object_not_found(txn_id), {}, {}, {}};
  company.touch(*stamp, ctx.now);
  const int offset = company.info.utc_offset_minutes;
  xml::add_text(rs, "TxnVoidType", type);
  xml::add_text(rs, "TxnID", txn_id);
  xml::add_text(rs, "TimeCreated", format_qb_datetime(stamp->created, offset));
  xml::add_text(rs, "TimeModified", format_qb_datetime(stamp->modified, offset));
  xml::add_optional(rs, "RefNumber", ref_number);
  return {};
}

std::optional<std::string> overlong_field(const XMLElement& element) {
  static const std::map<std::string, std::size_t, std::less<>> limits = {
      {"RefNumber", 11}, {"PONumber", 25}, {"FOB", 13},        {"Memo", 4095},     {"Other", 29},
      {"Other1", 29},    {"Other2", 29},   {"Desc", 4095},     {"Addr1", 41},      {"Addr2", 41},
      {"Addr3", 41},     {"Addr4", 41},    {"Addr5", 41},      {"City", 31},       {"State", 21},
      {"PostalCode", 13}, {"Country", 31}, {"Note", 41},       {"EditSequence", 16}, {"TxnID", 36},
      {"ListID", 36},    {"TxnLineID", 36}};
  for (const XMLElement* child = element.FirstChildElement(); child; child = child->NextSiblingElement()) {
    if (child->FirstChildElement()) {
      if (auto found = overlong_field(*child)) return found;
      continue;
    }
    const std::string_view name = child->Name();
    const std::string_view parent = element.Name();
    std::size_t limit = 0;
    if (name == "FullName") limit = parent == "CustomerRef" || parent == "EntityRef" ? 209 : 159;
    else if (const auto it = limits.find(name); it != limits.end()) limit = it->second;
    const char* text = child->GetText();
    if (limit && text && character_count(text) > limit)
      return std::string(parent) + "/" + std::string(name) + " is longer than " + std::to_string(limit);
  }
  return std::nullopt;
}

}  // namespace ml::qbwc_sim
