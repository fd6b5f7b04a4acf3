#pragma once
// tinyxml2 helpers shared by the request handlers and the response writers.
#include <tinyxml2.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim::xml {

using tinyxml2::XMLElement;

/// Text of the child `name` ("" when absent).
std::string text(const XMLElement& parent, const char* name);
std::optional<std::string> optional_text(const XMLElement& parent, const char* name);
/// Texts of every child `name`, in order.
std::vector<std::string> texts(const XMLElement& parent, const char* name);
std::optional<core::Decimal> decimal(const XMLElement& parent, const char* name);
std::optional<bool> boolean(const XMLElement& parent, const char* name);
/// A ListID/FullName reference child (empty Ref when absent).
Ref ref(const XMLElement& parent, const char* name);
Address address(const XMLElement& parent, const char* name);

XMLElement& add(XMLElement& parent, const char* name);
void add_text(XMLElement& parent, const char* name, std::string_view value);
/// Adds the child only when `value` is not empty.
void add_optional(XMLElement& parent, const char* name, std::string_view value);
void add_bool(XMLElement& parent, const char* name, bool value);
void add_amount(XMLElement& parent, const char* name, const core::Decimal& value);
void add_ref(XMLElement& parent, const char* name, const Ref& ref);
void add_address(XMLElement& parent, const char* name, const Address& address);

/// The element and its children as XML text.
std::string print(const tinyxml2::XMLNode& node);

}  // namespace ml::qbwc_sim::xml
