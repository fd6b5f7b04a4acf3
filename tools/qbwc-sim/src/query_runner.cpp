#include "query_runner.hpp"

#include <algorithm>

#include "ml/core/ids.hpp"
#include "ml/qbwc_sim/text.hpp"
#include "ret_writer.hpp"
#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

RetOptions ret_options(const XMLElement& rq) {
  RetOptions options;
  options.include_line_items = xml::boolean(rq, "IncludeLineItems").value_or(false);
  for (auto& name : xml::texts(rq, "IncludeRetElement")) options.include_elements.insert(name);
  return options;
}

std::size_t max_returned(const XMLElement& rq, std::size_t all) {
  const auto text = xml::optional_text(rq, "MaxReturned");
  if (!text) return all;
  try {
    return static_cast<std::size_t>(std::max(0L, std::stol(*text)));
  } catch (const std::exception&) {
    return all;
  }
}

void write_page(XMLElement& rs, const QuerySource& source, const std::vector<std::string>& ids, std::size_t from,
                std::size_t count, const RetOptions& options) {
  for (std::size_t i = from; i < from + count && i < ids.size(); ++i) {
    source.write(rs, ids[i], options);
    if (XMLElement* ret = rs.LastChildElement()) keep_included_elements(*ret, options);
  }
}

Outcome continue_iterator(const XMLElement& rq, XMLElement& rs, RequestContext& ctx, const QuerySource& source,
                          bool stop) {
  const std::string id = rq.Attribute("iteratorID") ? rq.Attribute("iteratorID") : "";
  const auto it = ctx.session.iterators.find(id);
  if (it == ctx.session.iterators.end() || it->second.request != source.request)
    return {Status::object_not_found(id), {}, {}, {}};
  QueryIterator& iterator = it->second;
  if (stop) {
    ctx.session.iterators.erase(it);
    return {Status{}, {}, 0, id};
  }
  const std::size_t count = std::min(iterator.page_size, iterator.ids.size() - iterator.position);
  write_page(rs, source, iterator.ids, iterator.position, count, iterator.ret);
  iterator.position += count;
  const std::size_t remaining = iterator.ids.size() - iterator.position;
  return {count == 0 ? Status::no_match() : Status{}, {}, remaining, id};
}

}  // namespace

Outcome run_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx, const QuerySource& source) {
  const std::string iterator = rq.Attribute("iterator") ? rq.Attribute("iterator") : "";
  if (iterator == "Continue" || iterator == "Stop") return continue_iterator(rq, rs, ctx, source, iterator == "Stop");

  Selection selection = source.select(rq);
  if (selection.status.is_error()) return {selection.status, {}, {}, {}};
  const auto& ids = selection.ids;
  const RetOptions options = ret_options(rq);
  const std::string meta = rq.Attribute("metaData") ? rq.Attribute("metaData") : "NoMetaData";
  Outcome outcome{ids.empty() ? Status::no_match() : selection.status, {}, {}, {}};
  if (meta != "NoMetaData") outcome.ret_count = ids.size();
  if (meta == "MetaDataOnly") return outcome;

  const std::size_t page = max_returned(rq, ids.size());
  write_page(rs, source, ids, 0, page, options);
  if (iterator == "Start") {
    const std::string id = "{" + core::new_uuid() + "}";
    const std::size_t shown = std::min(page, ids.size());
    ctx.session.iterators[id] = QueryIterator{source.request, ids, shown, page, options};
    outcome.remaining = ids.size() - shown;
    outcome.iterator_id = id;
  }
  return outcome;
}

Status invalid_date(const std::string& value, const std::string& field) {
  return {3020, "There was an error when converting the date value \"" + value + "\" in the field \"" + field + "\"."};
}

bool matches_criterion(std::string_view criterion, std::string_view value, std::string_view wanted) {
  const std::string v = to_lower(value), w = to_lower(wanted);
  if (criterion == "StartsWith") return v.starts_with(w);
  if (criterion == "EndsWith") return v.ends_with(w);
  return v.find(w) != std::string::npos;
}

Status Status::partial(const std::string& missing) {
  return {500, "The query request has not been fully completed. There was a required element (\"" + missing +
                   "\") that could not be found in QuickBooks."};
}

Status Status::object_not_found(const std::string& id) {
  return {3120, "Object \"" + id +
                    "\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  "
                    "The specified record does not exist in the list."};
}

Status Status::invalid_reference(const std::string& list, const std::string& name, const std::string& where) {
  return {3140, "There is an invalid reference to QuickBooks " + list + " \"" + name + "\" in the " + where +
                    ".  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."};
}

}  // namespace ml::qbwc_sim
