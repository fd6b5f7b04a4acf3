#include "support.hpp"

#include <catch2/catch.hpp>

#include "ml/testing/environment.hpp"

namespace ml::qbwc_sim::test {
namespace {

const tinyxml2::XMLElement* find_descendant(const tinyxml2::XMLElement& parent, std::string_view name) {
  for (const auto* child = parent.FirstChildElement(); child; child = child->NextSiblingElement()) {
    if (name == child->Name()) return child;
    if (const auto* found = find_descendant(*child, name)) return found;
  }
  return nullptr;
}

int count_descendants(const tinyxml2::XMLElement& parent, std::string_view name) {
  int n = 0;
  for (const auto* child = parent.FirstChildElement(); child; child = child->NextSiblingElement())
    n += (name == child->Name()) + count_descendants(*child, name);
  return n;
}

}  // namespace

std::optional<std::filesystem::path> schema_path() {
  const auto shared = ml::testing::shared_dir();
  if (!shared) return std::nullopt;
  return *shared / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
}

const XsdValidator* schema() {
  static const std::optional<XsdValidator> loaded = []() -> std::optional<XsdValidator> {
    const auto path = schema_path();
    if (!path) return std::nullopt;
    auto validator = XsdValidator::load(*path);
    if (!validator) FAIL(validator.error());
    return std::move(*validator);
  }();
  return loaded ? &*loaded : nullptr;
}

std::string request_set(std::string_view body, std::string_view attributes) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"13.0\"?>\n<QBXML><QBXMLMsgsRq " +
         std::string(attributes) + ">" + std::string(body) + "</QBXMLMsgsRq></QBXML>";
}

void require_valid_response(const std::string& response) {
  if (const XsdValidator* validator = schema()) {
    const auto problem = validator->validate(response);
    INFO(response);
    REQUIRE(problem.value_or("valid") == "valid");
  }
}

Fixture::Fixture(FaultPlan faults, bool with_schema) {
  QuickBooksOptions options;
  options.faults = faults;
  options.clock = clock;
  if (with_schema && schema()) options.validator = *schema();
  else options.schema = std::filesystem::path("/nonexistent/qbxmlops130.xsd");
  quickbooks = std::make_unique<QuickBooksDesktop>(company, options, log);
  new_session();
}

void Fixture::new_session() {
  if (session) quickbooks->end_session(session);
  session = quickbooks->begin_session("").value();
}

ProcessResult Fixture::process_raw(const std::string& request) { return quickbooks->process_request(session, request); }

std::string Fixture::process(std::string_view body, std::string_view attributes) {
  const auto result = process_raw(request_set(body, attributes));
  INFO(result.hresult << " " << result.message << "\n" << log_text.str());
  REQUIRE(result.ok());
  require_valid_response(result.response);
  return result.response;
}

Response::Response(const std::string& text) { REQUIRE(doc.Parse(text.c_str()) == tinyxml2::XML_SUCCESS); }

const tinyxml2::XMLElement& Response::set() const {
  const auto* set = doc.RootElement()->FirstChildElement("QBXMLMsgsRs");
  REQUIRE(set);
  return *set;
}

const tinyxml2::XMLElement& Response::rs(int index) const {
  const auto* el = set().FirstChildElement();
  for (int i = 0; i < index && el; ++i) el = el->NextSiblingElement();
  REQUIRE(el);
  return *el;
}

int Response::count() const {
  int n = 0;
  for (const auto* el = set().FirstChildElement(); el; el = el->NextSiblingElement()) ++n;
  return n;
}

int Response::rets(int index) const {
  int n = 0;
  for (const auto* el = rs(index).FirstChildElement(); el; el = el->NextSiblingElement()) ++n;
  return n;
}

std::string Response::message(int index) const {
  const char* text = rs(index).Attribute("statusMessage");
  return text ? text : "";
}

std::string Response::find(const char* name, int index) const {
  const auto* el = find_descendant(rs(index), name);
  return el && el->GetText() ? el->GetText() : "";
}

int Response::count_named(const char* name, int index) const { return count_descendants(rs(index), name); }

std::string invoice_add(std::string_view ref_number, std::string_view request_id) {
  return "<InvoiceAddRq requestID=\"" + std::string(request_id) +
         "\"><InvoiceAdd><CustomerRef><FullName>Jane Doe</FullName></CustomerRef><TxnDate>2024-05-01</TxnDate>"
         "<RefNumber>" + std::string(ref_number) +
         "</RefNumber><PONumber>SS-ORDER-1001</PONumber><Memo>ShipStation order</Memo>"
         "<InvoiceLineAdd><ItemRef><FullName>WIDGET-01</FullName></ItemRef><Quantity>2</Quantity><Rate>19.99</Rate>"
         "</InvoiceLineAdd><InvoiceLineAdd><ItemRef><FullName>Shipping</FullName></ItemRef><Amount>7.50</Amount>"
         "</InvoiceLineAdd></InvoiceAdd></InvoiceAddRq>";
}

}  // namespace ml::qbwc_sim::test
