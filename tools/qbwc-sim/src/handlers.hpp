#pragma once
// What the message-set processor and the per-request handlers share.
#include <tinyxml2.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/qbwc_sim/company.hpp"
#include "ml/qbwc_sim/faults.hpp"

namespace ml::qbwc_sim {

/// statusCode/statusSeverity/statusMessage of one response.
struct Status {
  int code = 0;
  std::string message = "Status OK";

  std::string severity() const { return code >= 1000 ? "Error" : code >= 500 ? "Warn" : "Info"; }
  bool is_error() const { return code >= 1000; }

  static Status no_match() { return {1, "A query request did not find a matching object in QuickBooks"}; }
  static Status partial(const std::string& missing);
  static Status object_not_found(const std::string& id);
  static Status invalid_reference(const std::string& list, const std::string& name, const std::string& where);
};

/// How a query's records are written out.
struct RetOptions {
  bool include_line_items = false;
  std::set<std::string> include_elements;  ///< IncludeRetElement; empty means everything.
};

/// A query iterator: a snapshot of matching ids, consumed page by page within one session.
struct QueryIterator {
  std::string request;  ///< e.g. "CustomerQueryRq"; an iterator answers only its own kind.
  std::vector<std::string> ids;
  std::size_t position = 0;
  std::size_t page_size = 0;
  RetOptions ret;
};

struct SessionState {
  std::map<std::string, QueryIterator> iterators;
};

struct RequestContext {
  Company& company;
  SessionState& session;
  core::TimePoint now;
  FaultDice& user_edit_dice;
  double user_edit_rate = 0;
};

/// What a handler reports besides the Ret elements it appended.
struct Outcome {
  Status status;
  std::optional<std::size_t> ret_count;        ///< retCount (metaData requests).
  std::optional<std::size_t> remaining;        ///< iteratorRemainingCount.
  std::string iterator_id;
};

using tinyxml2::XMLElement;

Outcome customer_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome item_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome item_inventory_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome invoice_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome invoice_add(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome invoice_mod(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome journal_entry_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome journal_entry_add(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);
Outcome txn_void(const XMLElement& rq, XMLElement& rs, RequestContext& ctx);

/// The first field of a write request longer than QuickBooks allows ("RefNumber" …), used when
/// no XSD is loaded so over-long fields are still rejected as QuickBooks' parser rejects them.
std::optional<std::string> overlong_field(const XMLElement& request_set);

}  // namespace ml::qbwc_sim
