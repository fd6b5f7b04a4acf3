#include "xml_tree.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <stdexcept>

namespace qbwc_test {
namespace {

std::string_view view(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

std::string qualified(const xmlNode* node) {
  const auto ns = node->ns == nullptr ? std::string_view() : view(node->ns->href);
  return "{" + std::string(ns) + "}" + std::string(view(node->name));
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::vector<const xmlNode*> element_children(const xmlNode* node) {
  std::vector<const xmlNode*> children;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) children.push_back(child);
  }
  return children;
}

std::string direct_text(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) text += view(child->content);
  }
  return is_blank(text) ? std::string() : text;
}

std::vector<std::string> attributes(const xmlNode* node) {
  std::vector<std::string> found;
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    const auto ns = a->ns == nullptr ? std::string_view() : view(a->ns->href);
    found.push_back("{" + std::string(ns) + "}" + std::string(view(a->name)) + "=" +
                    std::string(view(value)));
    xmlFree(value);
  }
  std::ranges::sort(found);
  return found;
}

std::string compare(const xmlNode* expected, const xmlNode* actual, const std::string& path) {
  const std::string here = path + "/" + qualified(expected);
  if (qualified(expected) != qualified(actual)) return here + ": found " + qualified(actual);
  if (attributes(expected) != attributes(actual)) return here + ": attributes differ";
  if (direct_text(expected) != direct_text(actual)) {
    return here + ": text '" + direct_text(actual) + "', expected '" + direct_text(expected) + "'";
  }
  const auto expected_children = element_children(expected);
  const auto actual_children = element_children(actual);
  if (expected_children.size() != actual_children.size()) {
    return here + ": " + std::to_string(actual_children.size()) + " child elements, expected " +
           std::to_string(expected_children.size());
  }
  for (std::size_t i = 0; i < expected_children.size(); ++i) {
    auto difference = compare(expected_children[i], actual_children[i], here);
    if (!difference.empty()) return difference;
  }
  return {};
}

void collect_error(void* sink, xmlErrorPtr error) {
  auto& errors = *static_cast<std::string*>(sink);
  errors += "line " + std::to_string(error->line) + ": " + std::string(error->message ? error->message : "?");
}

}  // namespace

XmlDoc parse_xml(std::string_view xml) {
  return XmlDoc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "in.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

xmlNode* find_element(xmlNode* from, std::string_view local_name) {
  for (xmlNode* node = from; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (view(node->name) == local_name) return node;
    if (xmlNode* found = find_element(node->children, local_name)) return found;
  }
  return nullptr;
}

std::string text_of(const xmlNode* element) {
  xmlChar* content = xmlNodeGetContent(element);
  std::string text(view(content));
  xmlFree(content);
  return text;
}

std::string element_difference(const xmlNode* expected, const xmlNode* actual) {
  return compare(expected, actual, "");
}

std::string structure_difference(std::string_view expected_xml, std::string_view actual_xml) {
  const auto expected = parse_xml(expected_xml);
  const auto actual = parse_xml(actual_xml);
  if (!expected) return "the expected document is not well-formed";
  if (!actual) return "our document is not well-formed";
  return compare(xmlDocGetRootElement(expected.get()), xmlDocGetRootElement(actual.get()), "");
}

Schema Schema::from_file(const std::filesystem::path& xsd) {
  xmlSchemaParserCtxt* context = xmlSchemaNewParserCtxt(xsd.c_str());
  xmlSchema* schema = xmlSchemaParse(context);
  xmlSchemaFreeParserCtxt(context);
  if (schema == nullptr) throw std::runtime_error("cannot compile " + xsd.string());
  return Schema(schema);
}

Schema Schema::from_element(const xmlNode* schema_element) {
  XmlDoc standalone(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(schema_element), standalone.get(), 1);
  xmlDocSetRootElement(standalone.get(), copy);
  // QName attribute values (type="tns:ArrayOfString") need the prefixes declared on ancestors.
  if (xmlNs** in_scope = xmlGetNsList(schema_element->doc, schema_element)) {
    for (xmlNs** ns = in_scope; *ns != nullptr; ++ns) {
      if (xmlSearchNs(standalone.get(), copy, (*ns)->prefix) == nullptr)
        xmlNewNs(copy, (*ns)->href, (*ns)->prefix);
    }
    xmlFree(in_scope);
  }
  xmlSchemaParserCtxt* context = xmlSchemaNewDocParserCtxt(standalone.get());
  xmlSchema* schema = xmlSchemaParse(context);
  xmlSchemaFreeParserCtxt(context);
  if (schema == nullptr) throw std::runtime_error("the embedded schema does not compile");
  return Schema(schema);
}

Schema::~Schema() {
  if (schema_ != nullptr) xmlSchemaFree(schema_);
}

Schema::Schema(Schema&& other) noexcept : schema_(other.schema_) { other.schema_ = nullptr; }

std::string Schema::body_errors(std::string_view soap_xml) const {
  const auto doc = parse_xml(soap_xml);
  if (!doc) return "not well-formed";
  xmlNode* body = find_element(xmlDocGetRootElement(doc.get()), "Body");
  xmlNode* payload = body == nullptr ? nullptr : xmlFirstElementChild(body);
  if (payload == nullptr) return "no Body child";
  std::string errors;
  xmlSchemaValidCtxt* context = xmlSchemaNewValidCtxt(schema_);
  xmlSchemaSetValidStructuredErrors(context, collect_error, &errors);
  const int status = xmlSchemaValidateOneElement(context, payload);
  xmlSchemaFreeValidCtxt(context);
  if (status != 0 && errors.empty()) errors = "invalid (status " + std::to_string(status) + ")";
  return errors;
}

}  // namespace qbwc_test
