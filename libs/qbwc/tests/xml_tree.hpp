#pragma once
// libxml2 views of XML for the tests: an independent parser to check what our code writes.
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qbwc_test {

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;

/// Parses without network access or entity expansion; null when not well-formed.
XmlDoc parse_xml(std::string_view xml);

/// The first element in document order with this local name (any namespace), or null.
xmlNode* find_element(xmlNode* from, std::string_view local_name);

/// Concatenated text content of an element.
std::string text_of(const xmlNode* element);

/// "" when both documents have the same elements (namespace + local name) nested the same way,
/// the same attributes (namespace declarations aside) and the same non-blank text; otherwise
/// the first difference and its path.
std::string structure_difference(std::string_view expected_xml, std::string_view actual_xml);

/// Same comparison between two elements.
std::string element_difference(const xmlNode* expected, const xmlNode* actual);

/// A compiled XML Schema, from a file or from an <xs:schema> element inside another document.
class Schema {
 public:
  static Schema from_file(const std::filesystem::path& xsd);
  static Schema from_element(const xmlNode* schema_element);
  ~Schema();
  Schema(Schema&& other) noexcept;
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;
  Schema& operator=(Schema&&) = delete;

  /// "" when the first element child of the SOAP Body in `soap_xml` is valid, else the errors.
  std::string body_errors(std::string_view soap_xml) const;

 private:
  explicit Schema(xmlSchema* schema) : schema_(schema) {}
  xmlSchema* schema_;
};

}  // namespace qbwc_test
