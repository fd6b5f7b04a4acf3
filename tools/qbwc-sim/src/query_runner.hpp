#pragma once
// The part every query shares: MaxReturned, metaData, IncludeRetElement and iterators
// (Start/Continue/Stop, valid only in the session that started them).
#include <functional>
#include <string>
#include <vector>

#include "handlers.hpp"

namespace ml::qbwc_sim {

/// The records a query's filters select, and the status that goes with them (0, or 500 when
/// some named objects were missing, or an error and no ids).
struct Selection {
  std::vector<std::string> ids;
  Status status;
};

struct QuerySource {
  std::string request;  ///< "CustomerQueryRq", …
  std::function<Selection(const XMLElement& rq)> select;
  /// Appends the Ret of one record (looked up by id) to `rs`.
  std::function<void(XMLElement& rs, const std::string& id, const RetOptions& options)> write;
};

Outcome run_query(const XMLElement& rq, XMLElement& rs, RequestContext& ctx, const QuerySource& source);

/// Error 3020 for an unreadable date in `field`.
Status invalid_date(const std::string& value, const std::string& field);

/// Whether `name` passes NameFilter / NameRangeFilter-style criteria (case-insensitive).
bool matches_criterion(std::string_view criterion, std::string_view value, std::string_view wanted);

}  // namespace ml::qbwc_sim
