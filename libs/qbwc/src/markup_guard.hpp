#pragma once
// A pass over the raw request before tinyxml2 sees it, for what tinyxml2 lets through: DOCTYPE and
// other markup declarations, undefined entity references, characters XML forbids, invalid UTF-8,
// and nesting deeper than the limit.
#include <optional>
#include <string_view>

#include "ml/qbwc/fault.hpp"

namespace ml::qbwc::detail {

/// The first such problem in `xml`, located by line; nullopt when there is none. Syntax errors
/// it does not look for are left to the parser.
std::optional<SoapError> check_markup(std::string_view xml, int max_depth);

}  // namespace ml::qbwc::detail
