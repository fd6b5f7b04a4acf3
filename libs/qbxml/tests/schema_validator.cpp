#include "schema_validator.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "ml/testing/environment.hpp"

namespace ml::qbxml::testing {
namespace {

void collect(void* user, xmlErrorPtr error) {
  auto* errors = static_cast<std::string*>(user);
  *errors += "line " + std::to_string(error->line) + ": " + (error->message ? error->message : "?");
}

struct Schema {
  xmlSchemaPtr schema = nullptr;
  ~Schema() {
    if (schema) xmlSchemaFree(schema);
  }
};

// nullptr (after printing why) when the shared folder or the schema is missing.
xmlSchemaPtr compiled_schema() {
  static Schema holder = [] {
    Schema s;
    auto shared = ml::testing::shared_dir();
    if (!shared) return s;
    auto path = *shared / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
    if (!std::filesystem::exists(path)) {
      std::cout << "SKIPPED schema validation: " << path << " is absent\n";
      return s;
    }
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path.c_str());
    s.schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    return s;
  }();
  return holder.schema;
}

}  // namespace

Validation validate_against_schema(std::string_view xml) {
  Validation result;
  xmlSchemaPtr schema = compiled_schema();
  if (!schema) {
    result.skipped = true;
    return result;
  }
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "request.xml", nullptr, XML_PARSE_NONET), &xmlFreeDoc);
  if (!doc) {
    result.errors = "not well-formed";
    return result;
  }
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> context(xmlSchemaNewValidCtxt(schema),
                                                                                  &xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidStructuredErrors(context.get(), collect, &result.errors);
  result.valid = xmlSchemaValidateDoc(context.get(), doc.get()) == 0;
  return result;
}

}  // namespace ml::qbxml::testing
