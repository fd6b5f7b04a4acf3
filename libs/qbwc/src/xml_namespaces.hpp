#pragma once
// Namespace resolution on top of tinyxml2, which keeps qualified names as plain text.
#include <tinyxml2.h>

#include <optional>
#include <string>
#include <string_view>

namespace ml::qbwc::detail {

/// "soap:Envelope" → prefix "soap", local "Envelope"; "Envelope" → prefix "", local "Envelope".
struct QualifiedName {
  std::string_view prefix;
  std::string_view local;
};
QualifiedName split_name(std::string_view name);

/// The namespace URI an element's prefix is bound to in scope ("" for no namespace), or nullopt
/// when the prefix is not declared.
std::optional<std::string_view> element_namespace(const tinyxml2::XMLElement& element);

/// Same for a prefixed attribute of `element`; unprefixed attributes are in no namespace.
std::optional<std::string_view> attribute_namespace(const tinyxml2::XMLElement& element,
                                                    std::string_view attribute_name);

/// "line 7, Envelope/Body/authenticate": where an element is, by local names.
std::string location(const tinyxml2::XMLElement& element);

}  // namespace ml::qbwc::detail
