#pragma once
// Reading typed values out of tinyxml2 elements; a bad value throws ParseFailure saying where.
#include <tinyxml2.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "ml/qbxml/responses.hpp"

namespace ml::qbxml::detail {

struct ParseFailure {
  ParseError error;
};

std::string path_of(const tinyxml2::XMLElement& element);
[[noreturn]] void fail_at(const tinyxml2::XMLElement& element, std::string message);

inline std::string_view text_of(const tinyxml2::XMLElement& e) {
  const char* text = e.GetText();
  return text ? std::string_view(text) : std::string_view();
}
core::Decimal decimal_of(const tinyxml2::XMLElement& e);
long long integer_of(const tinyxml2::XMLElement& e);
bool bool_of(const tinyxml2::XMLElement& e);
std::chrono::year_month_day date_of(const tinyxml2::XMLElement& e);
Ref ref_of(const tinyxml2::XMLElement& e);

std::optional<ItemKind> item_kind(std::string_view element_name);
Customer parse_customer(const tinyxml2::XMLElement& e);
Item parse_item(const tinyxml2::XMLElement& e, ItemKind kind);
Invoice parse_invoice(const tinyxml2::XMLElement& e);
JournalEntry parse_journal_entry(const tinyxml2::XMLElement& e);

}  // namespace ml::qbxml::detail
