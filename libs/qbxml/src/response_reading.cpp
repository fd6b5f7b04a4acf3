#include "response_reading.hpp"

#include <charconv>
#include <vector>

#include "ml/qbxml/datetime.hpp"

namespace ml::qbxml::detail {
namespace {

using tinyxml2::XMLElement;

// "Name[3]" when the element has same-named siblings, else "Name".
std::string step_of(const XMLElement& e) {
  std::string_view name = e.Name();
  int index = 1;
  for (auto* s = e.PreviousSiblingElement(e.Name()); s; s = s->PreviousSiblingElement(e.Name())) ++index;
  bool repeated = index > 1 || e.NextSiblingElement(e.Name()) != nullptr;
  return repeated ? std::string(name) + "[" + std::to_string(index) + "]" : std::string(name);
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

std::string path_of(const XMLElement& element) {
  std::vector<std::string> steps;
  for (const tinyxml2::XMLNode* n = &element; n && n->ToElement(); n = n->Parent()) steps.push_back(step_of(*n->ToElement()));
  std::string path;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!path.empty()) path += '/';
    path += *it;
  }
  return path;
}

void fail_at(const XMLElement& element, std::string message) {
  throw ParseFailure{ParseError{std::move(message), element.GetLineNum(), path_of(element)}};
}

core::Decimal decimal_of(const XMLElement& e) {
  auto value = core::Decimal::parse(text_of(e));
  if (!value) fail_at(e, value.error());
  return *value;
}

long long integer_of(const XMLElement& e) {
  std::string_view text = text_of(e);
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
    fail_at(e, quoted(text) + " is not an integer");
  return value;
}

bool bool_of(const XMLElement& e) {
  std::string_view text = text_of(e);
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  fail_at(e, quoted(text) + " is not true or false");
}

std::chrono::year_month_day date_of(const XMLElement& e) {
  auto date = parse_date(text_of(e));
  if (!date) fail_at(e, date.error());
  return *date;
}

Ref ref_of(const XMLElement& e) {
  Ref ref;
  for (auto* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    std::string_view name = c->Name();
    if (name == "ListID") ref.list_id = text_of(*c);
    else if (name == "FullName") ref.full_name = text_of(*c);
  }
  return ref;
}

}  // namespace ml::qbxml::detail
