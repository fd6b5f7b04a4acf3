#include "xml.hpp"

namespace ml::qbwc_sim::xml {

std::string text(const XMLElement& parent, const char* name) { return optional_text(parent, name).value_or(""); }

std::optional<std::string> optional_text(const XMLElement& parent, const char* name) {
  const XMLElement* child = parent.FirstChildElement(name);
  if (!child) return std::nullopt;
  const char* value = child->GetText();
  return std::string(value ? value : "");
}

std::vector<std::string> texts(const XMLElement& parent, const char* name) {
  std::vector<std::string> out;
  for (const XMLElement* child = parent.FirstChildElement(name); child; child = child->NextSiblingElement(name))
    out.emplace_back(child->GetText() ? child->GetText() : "");
  return out;
}

std::optional<core::Decimal> decimal(const XMLElement& parent, const char* name) {
  const auto value = optional_text(parent, name);
  if (!value) return std::nullopt;
  auto parsed = core::Decimal::parse(*value);
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::optional<bool> boolean(const XMLElement& parent, const char* name) {
  const auto value = optional_text(parent, name);
  if (!value) return std::nullopt;
  return *value == "true" || *value == "1";
}

Ref ref(const XMLElement& parent, const char* name) {
  const XMLElement* child = parent.FirstChildElement(name);
  if (!child) return {};
  return {text(*child, "ListID"), text(*child, "FullName")};
}

Address address(const XMLElement& parent, const char* name) {
  const XMLElement* child = parent.FirstChildElement(name);
  if (!child) return {};
  return {text(*child, "Addr1"), text(*child, "Addr2"),      text(*child, "Addr3"),  text(*child, "City"),
          text(*child, "State"), text(*child, "PostalCode"), text(*child, "Country")};
}

XMLElement& add(XMLElement& parent, const char* name) { return *parent.InsertNewChildElement(name); }

void add_text(XMLElement& parent, const char* name, std::string_view value) {
  add(parent, name).SetText(std::string(value).c_str());
}

void add_optional(XMLElement& parent, const char* name, std::string_view value) {
  if (!value.empty()) add_text(parent, name, value);
}

void add_bool(XMLElement& parent, const char* name, bool value) { add_text(parent, name, value ? "true" : "false"); }

void add_amount(XMLElement& parent, const char* name, const core::Decimal& value) {
  add_text(parent, name, value.to_string(2));
}

void add_ref(XMLElement& parent, const char* name, const Ref& ref) {
  if (ref.empty()) return;
  XMLElement& child = add(parent, name);
  add_optional(child, "ListID", ref.list_id);
  add_optional(child, "FullName", ref.full_name);
}

void add_address(XMLElement& parent, const char* name, const Address& address) {
  if (address.empty()) return;
  XMLElement& child = add(parent, name);
  add_optional(child, "Addr1", address.addr1);
  add_optional(child, "Addr2", address.addr2);
  add_optional(child, "Addr3", address.addr3);
  add_optional(child, "City", address.city);
  add_optional(child, "State", address.state);
  add_optional(child, "PostalCode", address.postal_code);
  add_optional(child, "Country", address.country);
}

std::string print(const tinyxml2::XMLNode& node) {
  tinyxml2::XMLPrinter printer;
  node.Accept(&printer);
  return std::string(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
}

}  // namespace ml::qbwc_sim::xml
