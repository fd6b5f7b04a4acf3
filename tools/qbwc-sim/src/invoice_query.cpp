// InvoiceQuery and JournalEntryQuery (qbXML's TxnQuery) with their filters.
#include <algorithm>

#include "ml/qbwc_sim/text.hpp"
#include "query_runner.hpp"
#include "ret_writer.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

struct DateRange {
  std::optional<core::TimePoint> from, to;
  bool contains(core::TimePoint t) const { return !(from && t < *from) && !(to && t > *to); }
};

std::optional<Status> read_range(const XMLElement* filter, const char* from_name, const char* to_name, int offset,
                                 DateRange& range) {
  if (!filter) return std::nullopt;
  if (const auto text = xml::optional_text(*filter, from_name)) {
    if (!(range.from = parse_qb_datetime(*text, offset))) return invalid_date(*text, from_name);
  }
  if (const auto text = xml::optional_text(*filter, to_name)) {
    if (!(range.to = parse_qb_datetime(*text, offset, true))) return invalid_date(*text, to_name);
  }
  return std::nullopt;
}

// EntityFilter / AccountFilter: ListID, FullName and their *WithChildren forms (no sub-customers
// or sub-accounts are modelled, so "with children" matches the object itself).
bool matches_ref_filter(const XMLElement* filter, const Ref& ref) {
  if (!filter) return true;
  for (const char* name : {"ListID", "ListIDWithChildren"})
    for (const auto& id : xml::texts(*filter, name))
      if (id == ref.list_id) return true;
  for (const char* name : {"FullName", "FullNameWithChildren"})
    for (const auto& full_name : xml::texts(*filter, name))
      if (iequals(full_name, ref.full_name)) return true;
  return false;
}

template <class Txn>
bool matches_ref_number(const XMLElement& rq, const Txn& txn) {
  if (const XMLElement* filter = rq.FirstChildElement("RefNumberFilter"))
    return matches_criterion(xml::text(*filter, "MatchCriterion"), txn.ref_number, xml::text(*filter, "RefNumber"));
  if (const XMLElement* range = rq.FirstChildElement("RefNumberRangeFilter")) {
    const auto from = xml::optional_text(*range, "FromRefNumber");
    const auto to = xml::optional_text(*range, "ToRefNumber");
    return !(from && txn.ref_number < *from) && !(to && txn.ref_number > *to);
  }
  return true;
}

bool matches_paid_status(const XMLElement& rq, const Invoice& invoice) {
  const std::string status = xml::optional_text(rq, "PaidStatus").value_or("All");
  if (status == "All") return true;
  const auto balance = invoice.voided ? core::Decimal{} : invoice.subtotal();
  const bool paid = balance.is_zero() || balance.is_negative();
  return status == "PaidOnly" ? paid : !paid;
}

bool selects_by_id(const XMLElement& rq) {
  return rq.FirstChildElement("TxnID") || rq.FirstChildElement("RefNumber") || rq.FirstChildElement("RefNumberCaseSensitive");
}

template <class Txn>
Selection select_by_ids(const XMLElement& rq, const std::vector<Txn>& txns) {
  Selection selection;
  for (const auto& id : xml::texts(rq, "TxnID")) {
    if (std::none_of(txns.begin(), txns.end(), [&](const Txn& t) { return t.txn_id == id; }))
      return {{}, Status::object_not_found(id)};
    selection.ids.push_back(id);
  }
  for (const char* element : {"RefNumber", "RefNumberCaseSensitive"}) {
    const bool exact = std::string_view(element) == "RefNumberCaseSensitive";
    for (const auto& ref : xml::texts(rq, element))
      for (const auto& txn : txns)
        if (exact ? txn.ref_number == ref : iequals(txn.ref_number, ref)) selection.ids.push_back(txn.txn_id);
  }
  return selection;
}

// ModifiedDateRangeFilter and TxnDateRangeFilter.
std::optional<Status> read_date_filters(const XMLElement& rq, int offset, DateRange& modified, DateRange& dated) {
  if (auto error = read_range(rq.FirstChildElement("ModifiedDateRangeFilter"), "FromModifiedDate", "ToModifiedDate",
                              offset, modified))
    return error;
  return read_range(rq.FirstChildElement("TxnDateRangeFilter"), "FromTxnDate", "ToTxnDate", offset, dated);
}

template <class Txn>
bool within_dates(const Txn& txn, int offset, const DateRange& modified, const DateRange& dated) {
  const auto txn_date = parse_qb_datetime(txn.txn_date, offset);
  return modified.contains(txn.stamp.modified) && !(txn_date && !dated.contains(*txn_date));
}

Selection select_invoices(const XMLElement& rq, Company& company) {
  if (selects_by_id(rq)) return select_by_ids(rq, company.invoices);
  const int offset = company.info.utc_offset_minutes;
  DateRange modified, dated;
  if (auto error = read_date_filters(rq, offset, modified, dated)) return {{}, *error};
  const Ref receivable{"", "Accounts Receivable"};
  const Account* ar = company.find_account(receivable);
  Selection selection;
  for (const auto& invoice : company.invoices) {
    if (!within_dates(invoice, offset, modified, dated)) continue;
    if (!matches_ref_filter(rq.FirstChildElement("EntityFilter"), invoice.customer)) continue;
    if (!matches_ref_filter(rq.FirstChildElement("AccountFilter"), ar ? ref_of(*ar) : receivable)) continue;
    if (!matches_ref_number(rq, invoice) || !matches_paid_status(rq, invoice)) continue;
    selection.ids.push_back(invoice.txn_id);
  }
  return selection;
}

// EntityFilter and AccountFilter match a journal entry when any of its lines matches.
Selection select_journal_entries(const XMLElement& rq, Company& company) {
  if (selects_by_id(rq)) return select_by_ids(rq, company.journal_entries);
  const int offset = company.info.utc_offset_minutes;
  DateRange modified, dated;
  if (auto error = read_date_filters(rq, offset, modified, dated)) return {{}, *error};
  const auto any_line = [](const JournalEntry& entry, const XMLElement* filter, Ref JournalLine::*ref) {
    return !filter || std::any_of(entry.lines.begin(), entry.lines.end(),
                                  [&](const JournalLine& line) { return matches_ref_filter(filter, line.*ref); });
  };
  Selection selection;
  for (const auto& entry : company.journal_entries) {
    if (!within_dates(entry, offset, modified, dated) || !matches_ref_number(rq, entry)) continue;
    if (!any_line(entry, rq.FirstChildElement("EntityFilter"), &JournalLine::entity)) continue;
    if (!any_line(entry, rq.FirstChildElement("AccountFilter"), &JournalLine::account)) continue;
    selection.ids.push_back(entry.txn_id);
  }
  return selection;
}

}  // namespace

Outcome journal_entry_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  Company& company = ctx.company;
  QuerySource source{"JournalEntryQueryRq", [&](const XMLElement& r) { return select_journal_entries(r, company); },
                     [&](XMLElement& parent, const std::string& id, const RetOptions&) {
                       write_journal_entry_ret(parent, company, *company.find_journal_entry(id));
                     }};
  return run_query(rq, rs, ctx, source);
}

Outcome invoice_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  Company& company = ctx.company;
  QuerySource source{"InvoiceQueryRq", [&](const XMLElement& r) { return select_invoices(r, company); },
                     [&](XMLElement& parent, const std::string& id, const RetOptions& options) {
                       write_invoice_ret(parent, company, *company.find_invoice(id), options.include_line_items);
                     }};
  return run_query(rq, rs, ctx, source);
}

}  // namespace ml::qbwc_sim
