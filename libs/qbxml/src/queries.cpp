#include "request_builders.hpp"

namespace ml::qbxml::detail {
namespace {

using Mode = Iteration::Mode;

const char* to_string(ActiveStatus s) {
  switch (s) {
    case ActiveStatus::active_only: return "ActiveOnly";
    case ActiveStatus::inactive_only: return "InactiveOnly";
    case ActiveStatus::all: return "All";
  }
  return "";
}

const char* to_string(MatchCriterion m) {
  switch (m) {
    case MatchCriterion::starts_with: return "StartsWith";
    case MatchCriterion::contains: return "Contains";
    case MatchCriterion::ends_with: return "EndsWith";
  }
  return "";
}

// Opens the `...QueryRq` with requestID and the iterator attributes, after checking them.
void open_query(RequestWriter& w, std::string_view tag, std::string_view request_id, const Iteration& it) {
  Attributes attributes{{"requestID", std::string(request_id)}};
  const char* mode = it.mode == Mode::start ? "Start" : it.mode == Mode::continue_ ? "Continue" : "Stop";
  std::string label = request_label(tag, request_id);
  if (it.mode != Mode::none) attributes.emplace_back("iterator", mode);
  if (it.mode == Mode::continue_ || it.mode == Mode::stop) {
    if (it.iterator_id.empty()) w.fail(label + "@iteratorID", std::string("required with iterator=\"") + mode + "\"");
    attributes.emplace_back("iteratorID", it.iterator_id);
  } else if (!it.iterator_id.empty()) {
    w.fail(label + "@iteratorID", "only Continue and Stop take an iteratorID");
  }
  w.open_labelled(tag, label, attributes);
}

// qbXML OR-group: IDs, names/numbers, or filters — at most one kind.
void check_exclusive(RequestWriter& w, std::string_view tag, std::string_view request_id, int groups_used,
                     std::string_view alternatives) {
  if (groups_used > 1)
    w.fail(request_label(tag, request_id), std::string(alternatives) + " are mutually exclusive");
}

void write_trailer(RequestWriter& w, const std::vector<std::string>& include_ret_elements,
                   const std::vector<std::string>& owner_ids) {
  for (const auto& element : include_ret_elements) w.text("IncludeRetElement", element, TextLimit{50});
  for (const auto& owner : owner_ids) w.guid("OwnerID", owner, true);
}

void write_list_query(RequestWriter& w, std::string_view tag, std::string_view request_id, const ListQuery& q,
                      NameLimit names) {
  bool filters = q.max_returned || q.active_status || q.from_modified || q.to_modified || q.name_match;
  check_exclusive(w, tag, request_id, !q.list_ids.empty() + !q.full_names.empty() + filters,
                  "ListID, FullName and the filters");
  open_query(w, tag, request_id, q.iteration);
  if (q.iteration.mode == Mode::stop) return w.close();
  if (q.iteration.mode != Mode::continue_) {
    for (const auto& id : q.list_ids) w.id("ListID", id);
    for (const auto& name : q.full_names) w.full_name("FullName", name, names);
  }
  w.count("MaxReturned", q.max_returned);
  if (q.iteration.mode != Mode::continue_) {
    if (q.active_status) w.raw("ActiveStatus", to_string(*q.active_status));
    w.date_time("FromModifiedDate", q.from_modified);
    w.date_time("ToModifiedDate", q.to_modified);
    if (q.name_match) {
      w.open("NameFilter");
      w.raw("MatchCriterion", to_string(*q.name_match));
      if (q.name.empty()) w.fail(request_label(tag, request_id) + "/NameFilter/Name", "required with name_match");
      w.text("Name", q.name, TextLimit{names.full_name_max});
      w.close();
    }
  }
  write_trailer(w, q.include_ret_elements, q.owner_ids);
  w.close();
}

// InvoiceQueryRq and JournalEntryQueryRq share qbXML's TxnQuery group.
void write_txn_query(RequestWriter& w, std::string_view tag, std::string_view request_id, const InvoiceQuery& q) {
  bool filters = q.max_returned || q.from_modified || q.to_modified || q.ref_number_match;
  check_exclusive(w, tag, request_id, !q.txn_ids.empty() + !q.ref_numbers.empty() + filters,
                  "TxnID, RefNumber and the filters");
  open_query(w, tag, request_id, q.iteration);
  if (q.iteration.mode == Mode::stop) return w.close();
  bool continuing = q.iteration.mode == Mode::continue_;
  if (!continuing) {
    for (const auto& id : q.txn_ids) w.id("TxnID", id);
    for (const auto& ref_number : q.ref_numbers) w.text("RefNumber", ref_number, kRefNumber);
  }
  w.count("MaxReturned", q.max_returned);
  if (!continuing && (q.from_modified || q.to_modified)) {
    w.open("ModifiedDateRangeFilter");
    w.date_time("FromModifiedDate", q.from_modified);
    w.date_time("ToModifiedDate", q.to_modified);
    w.close();
  }
  if (!continuing && q.ref_number_match) {
    w.open("RefNumberFilter");
    w.raw("MatchCriterion", to_string(*q.ref_number_match));
    if (q.ref_number_filter.empty())
      w.fail(request_label(tag, request_id) + "/RefNumberFilter/RefNumber", "required with ref_number_match");
    w.text("RefNumber", q.ref_number_filter, kRefNumber);
    w.close();
  }
  if (q.include_line_items) w.raw("IncludeLineItems", "true");
  write_trailer(w, q.include_ret_elements, q.owner_ids);
  w.close();
}

}  // namespace

std::string request_label(std::string_view tag, std::string_view request_id) {
  return std::string(tag) + "[" + std::string(request_id) + "]";
}

void write_request(RequestWriter& w, std::string_view request_id, const CustomerQuery& q) {
  write_list_query(w, "CustomerQueryRq", request_id, q, kCustomerName);
}

void write_request(RequestWriter& w, std::string_view request_id, const ItemQuery& q) {
  write_list_query(w, "ItemQueryRq", request_id, q, kItemName);
}

void write_request(RequestWriter& w, std::string_view request_id, const ItemInventoryQuery& q) {
  write_list_query(w, "ItemInventoryQueryRq", request_id, q, kItemName);
}

void write_request(RequestWriter& w, std::string_view request_id, const InvoiceQuery& q) {
  write_txn_query(w, "InvoiceQueryRq", request_id, q);
}

void write_request(RequestWriter& w, std::string_view request_id, const JournalEntryQuery& q) {
  write_txn_query(w, "JournalEntryQueryRq", request_id, q);
}

}  // namespace ml::qbxml::detail
