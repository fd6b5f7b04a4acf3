#include "xml_namespaces.hpp"

namespace ml::qbwc::detail {
namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::optional<std::string_view> resolve(const tinyxml2::XMLElement& scope, std::string_view prefix) {
  if (prefix == "xml") return kXmlNamespace;
  const std::string declaration = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (const tinyxml2::XMLNode* node = &scope; node != nullptr; node = node->Parent()) {
    const auto* element = node->ToElement();
    if (element == nullptr) break;
    if (const char* uri = element->Attribute(declaration.c_str())) return std::string_view(uri);
  }
  if (prefix.empty()) return std::string_view();
  return std::nullopt;
}

}  // namespace

QualifiedName split_name(std::string_view name) {
  const auto colon = name.find(':');
  if (colon == std::string_view::npos) return {{}, name};
  return {name.substr(0, colon), name.substr(colon + 1)};
}

std::optional<std::string_view> element_namespace(const tinyxml2::XMLElement& element) {
  return resolve(element, split_name(element.Name()).prefix);
}

std::optional<std::string_view> attribute_namespace(const tinyxml2::XMLElement& element,
                                                    std::string_view attribute_name) {
  const auto prefix = split_name(attribute_name).prefix;
  if (prefix.empty()) return std::string_view();
  return resolve(element, prefix);
}

std::string location(const tinyxml2::XMLElement& element) {
  std::string path;
  for (const tinyxml2::XMLNode* node = &element; node != nullptr; node = node->Parent()) {
    const auto* e = node->ToElement();
    if (e == nullptr) break;
    const auto local = split_name(e->Name()).local;
    path = path.empty() ? std::string(local) : std::string(local) + "/" + path;
  }
  return "line " + std::to_string(element.GetLineNum()) + ", " + path;
}

}  // namespace ml::qbwc::detail
