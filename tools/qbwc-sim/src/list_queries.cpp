// CustomerQuery, ItemQuery and ItemInventoryQuery.
#include <algorithm>
#include <functional>

#include "ml/qbwc_sim/text.hpp"
#include "query_runner.hpp"
#include "ret_writer.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

template <class T>
using Accept = std::function<bool(const T&)>;

template <class T>
T* find_by(std::vector<T>& records, const Accept<T>& accept, const std::function<bool(const T&)>& is_it) {
  const auto it = std::find_if(records.begin(), records.end(), [&](const T& r) { return accept(r) && is_it(r); });
  return it == records.end() ? nullptr : &*it;
}

template <class T>
Selection select_named(const XMLElement& rq, std::vector<T>& records, const Accept<T>& accept) {
  Selection selection;
  for (const auto& id : xml::texts(rq, "ListID")) {
    T* record = find_by<T>(records, accept, [&](const T& r) { return r.list_id == id; });
    if (!record) return {{}, Status::object_not_found(id)};
    selection.ids.push_back(record->list_id);
  }
  for (const auto& name : xml::texts(rq, "FullName")) {
    T* record = find_by<T>(records, accept, [&](const T& r) { return iequals(r.name, name); });
    if (record) selection.ids.push_back(record->list_id);
    else if (!selection.status.is_error() && selection.status.code == 0) selection.status = Status::partial(name);
  }
  return selection;
}

template <class T>
bool passes_active_status(const XMLElement& rq, const T& record) {
  const std::string status = xml::optional_text(rq, "ActiveStatus").value_or("ActiveOnly");
  if (status == "All") return true;
  return status == "ActiveOnly" ? record.active : !record.active;
}

template <class T>
bool passes_name_filters(const XMLElement& rq, const T& record) {
  if (const XMLElement* filter = rq.FirstChildElement("NameFilter"))
    return matches_criterion(xml::text(*filter, "MatchCriterion"), record.name, xml::text(*filter, "Name"));
  if (const XMLElement* range = rq.FirstChildElement("NameRangeFilter")) {
    const std::string name = to_lower(record.name);
    const auto from = xml::optional_text(*range, "FromName");
    const auto to = xml::optional_text(*range, "ToName");
    if (from && name < to_lower(*from)) return false;
    if (to && name > to_lower(*to)) return false;
  }
  return true;
}

template <class T>
Selection select_filtered(const XMLElement& rq, std::vector<T>& records, const Accept<T>& accept, int offset) {
  std::optional<core::TimePoint> from, to;
  if (const auto text = xml::optional_text(rq, "FromModifiedDate")) {
    if (!(from = parse_qb_datetime(*text, offset))) return {{}, invalid_date(*text, "FromModifiedDate")};
  }
  if (const auto text = xml::optional_text(rq, "ToModifiedDate")) {
    if (!(to = parse_qb_datetime(*text, offset, true))) return {{}, invalid_date(*text, "ToModifiedDate")};
  }
  std::vector<const T*> matches;
  for (const auto& record : records) {
    if (!accept(record) || !passes_active_status(rq, record) || !passes_name_filters(rq, record)) continue;
    if ((from && record.stamp.modified < *from) || (to && record.stamp.modified > *to)) continue;
    matches.push_back(&record);
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const T* a, const T* b) { return to_lower(a->name) < to_lower(b->name); });
  Selection selection;
  for (const T* record : matches) selection.ids.push_back(record->list_id);
  return selection;
}

template <class T>
Selection select_list(const XMLElement& rq, std::vector<T>& records, const Accept<T>& accept, int offset) {
  if (rq.FirstChildElement("ListID") || rq.FirstChildElement("FullName")) return select_named(rq, records, accept);
  return select_filtered(rq, records, accept, offset);
}

template <class T>
T& by_list_id(std::vector<T>& records, const std::string& id) {
  return *std::find_if(records.begin(), records.end(), [&](const T& r) { return r.list_id == id; });
}

Outcome item_query_of(const XMLElement& rq, XMLElement& rs, RequestContext& ctx, const char* request,
                      const Accept<Item>& accept) {
  Company& company = ctx.company;
  QuerySource source{
      request,
      [&](const XMLElement& r) { return select_list<Item>(r, company.items, accept, company.info.utc_offset_minutes); },
      [&](XMLElement& parent, const std::string& id, const RetOptions&) {
        write_item_ret(parent, company, by_list_id(company.items, id));
      }};
  return run_query(rq, rs, ctx, source);
}

}  // namespace

Outcome customer_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  Company& company = ctx.company;
  const Accept<Customer> any = [](const Customer&) { return true; };
  QuerySource source{
      "CustomerQueryRq",
      [&](const XMLElement& r) { return select_list<Customer>(r, company.customers, any, company.info.utc_offset_minutes); },
      [&](XMLElement& parent, const std::string& id, const RetOptions&) {
        write_customer_ret(parent, company, by_list_id(company.customers, id));
      }};
  return run_query(rq, rs, ctx, source);
}

Outcome item_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  return item_query_of(rq, rs, ctx, "ItemQueryRq", [](const Item&) { return true; });
}

Outcome item_inventory_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx) {
  return item_query_of(rq, rs, ctx, "ItemInventoryQueryRq",
                       [](const Item& item) { return item.kind == ItemKind::inventory; });
}

}  // namespace ml::qbwc_sim
