#include "ml/qbwc_sim/xsd_validator.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>

namespace ml::qbwc_sim {

struct XsdValidator::Schema {
  xmlSchemaPtr schema = nullptr;
  ~Schema() {
    if (schema) xmlSchemaFree(schema);
  }
};

namespace {

struct Collected {
  std::string text;
  int count = 0;
};

void collect(void* user, xmlErrorPtr error) {
  auto& collected = *static_cast<Collected*>(user);
  if (!error || ++collected.count > 3) return;
  std::string message = error->message ? error->message : "unknown error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (!collected.text.empty()) collected.text += "; ";
  collected.text += "line " + std::to_string(error->line) + ": " + message;
}

}  // namespace

std::expected<XsdValidator, std::string> XsdValidator::load(const std::filesystem::path& xsd) {
  if (!std::filesystem::is_regular_file(xsd)) return std::unexpected("schema file " + xsd.string() + " not found");
  Collected errors;
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(xsd.string().c_str());
  if (!parser) return std::unexpected("cannot read schema " + xsd.string());
  xmlSchemaSetParserStructuredErrors(parser, collect, &errors);
  auto schema = std::make_shared<Schema>();
  schema->schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (!schema->schema) return std::unexpected("schema " + xsd.string() + " does not compile: " + errors.text);
  return XsdValidator(std::move(schema));
}

std::optional<std::filesystem::path> XsdValidator::schema_from_environment() {
  const char* shared = std::getenv("ML_SHARED_DIR");
  if (!shared || !*shared) return std::nullopt;
  auto path = std::filesystem::path(shared) / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
  if (!std::filesystem::is_regular_file(path)) return std::nullopt;
  return path;
}

std::optional<std::string> XsdValidator::validate(std::string_view xml) const {
  Collected errors;
  xmlParserCtxtPtr parser = xmlNewParserCtxt();
  if (!parser) return "out of memory";
  xmlSetStructuredErrorFunc(&errors, collect);
  xmlDocPtr doc = xmlCtxtReadMemory(parser, xml.data(), static_cast<int>(xml.size()), "request.xml", nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  int rc = -1;
  const bool well_formed = doc != nullptr;
  if (well_formed) {
    xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema_->schema);
    xmlSchemaSetValidStructuredErrors(valid, collect, &errors);
    rc = xmlSchemaValidateDoc(valid, doc);
    xmlSchemaFreeValidCtxt(valid);
    xmlFreeDoc(doc);
  }
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(parser);
  if (rc == 0) return std::nullopt;
  if (errors.text.empty()) return well_formed ? "schema validation failed" : "not well-formed XML";
  return errors.text;
}

}  // namespace ml::qbwc_sim
