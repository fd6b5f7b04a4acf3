#pragma once
/// The services' PostgreSQL database as mlctl reads it (schemas reconciler, qbwc_gateway,
/// shipstation_ingest, qbxml_writer, audit).
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "ml/mlctl/context.hpp"

namespace ml::mlctl {

/// A connection to --pg; CommandError saying why when PostgreSQL cannot be reached.
pqxx::connection connect(const Context& context);

/// The posting keys an operator's order number stands for: the key itself, or every key one of
/// whose ShipStation orders has that number. CommandError when there is none.
std::vector<std::string> posting_keys_of(pqxx::transaction_base& tx, const std::string& number);

/// Appends an event by service "mlctl" to audit.events; `detail` becomes a JSON object of texts.
void audit(pqxx::work& tx, const std::string& order_number, const std::string& kind,
           const std::vector<std::pair<std::string, std::string>>& detail);

/// A PostgreSQL array literal of `texts`, for a `$n::text[]` parameter.
std::string text_array(const std::vector<std::string>& texts);

/// "YYYY-MM-DD", else UsageError naming the option.
const std::string& checked_day(const std::string& text, const char* option);

}  // namespace ml::mlctl
