#include "ml/qbwc/wsdl.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "ml/qbwc/request.hpp"
#include "ml/qbwc/response.hpp"
#include "samples.hpp"
#include "xml_tree.hpp"

using namespace ml::qbwc;
using qbwc_test::find_element;
using qbwc_test::parse_xml;
using qbwc_test::read_file;
using qbwc_test::samples_dir;

namespace {

constexpr std::string_view kEndpoint = "https://connector.example.com/qbwc";

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value == nullptr ? "" : reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

std::string_view local_name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

// Every descendant element with this local name, in document order.
void collect(xmlNode* from, std::string_view name, std::vector<xmlNode*>& out) {
  for (xmlNode* node = from; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (local_name(node) == name) out.push_back(node);
    collect(node->children, name, out);
  }
}

std::vector<xmlNode*> all(const qbwc_test::XmlDoc& doc, std::string_view name) {
  std::vector<xmlNode*> found;
  collect(xmlDocGetRootElement(doc.get()), name, found);
  return found;
}

// Top-level schema components of a WSDL's types section, by name.
std::map<std::string, xmlNode*> schema_components(const qbwc_test::XmlDoc& wsdl) {
  std::map<std::string, xmlNode*> components;
  for (xmlNode* c = xmlFirstElementChild(find_element(xmlDocGetRootElement(wsdl.get()), "schema"));
       c != nullptr; c = xmlNextElementSibling(c)) {
    components[attribute(c, "name")] = c;
  }
  return components;
}

std::set<std::pair<std::string, std::string>> soap11_actions(const qbwc_test::XmlDoc& wsdl) {
  std::set<std::pair<std::string, std::string>> actions;
  for (xmlNode* op : all(wsdl, "operation")) {
    const bool soap11 = op->ns != nullptr && std::string_view(reinterpret_cast<const char*>(op->ns->href)) ==
                                                 "http://schemas.xmlsoap.org/wsdl/soap/";
    if (soap11) actions.emplace(attribute(op->parent, "name"), attribute(op, "soapAction"));
  }
  return actions;
}

}  // namespace

TEST_CASE("the WSDL names our endpoint as the SOAP address") {
  const auto wsdl = parse_xml(wsdl_document(kEndpoint));
  REQUIRE(wsdl);
  const auto addresses = all(wsdl, "address");
  REQUIRE(addresses.size() == 1);
  CHECK(attribute(addresses[0], "location") == kEndpoint);
}

TEST_CASE("an endpoint URL with & and quotes is escaped in the WSDL") {
  const auto wsdl = parse_xml(wsdl_document("https://h.example.com/qbwc?a=1&b=\"2\""));
  REQUIRE(wsdl);
  CHECK(attribute(all(wsdl, "address")[0], "location") == "https://h.example.com/qbwc?a=1&b=\"2\"");
}

TEST_CASE("the WSDL binds the same operations and SOAPActions as Intuit's SOAP 1.1 binding") {
  if (!samples_dir()) return;
  const auto ours = parse_xml(wsdl_document(kEndpoint));
  const auto intuit =
      parse_xml(read_file(*samples_dir() / "wsdl" / "intuit_TroubleshootWebServiceFS_via_flowlink.wsdl"));
  const auto consolibyte =
      parse_xml(read_file(*samples_dir() / "wsdl" / "consolibyte_QBWebConnectorSvc.wsdl"));
  REQUIRE(ours);
  REQUIRE(intuit);
  REQUIRE(consolibyte);
  CHECK(soap11_actions(ours).size() == 8);
  CHECK(soap11_actions(ours) == soap11_actions(consolibyte));
  for (const auto& action : soap11_actions(ours)) {
    INFO(action.first);
    CHECK(soap11_actions(intuit).contains(action));
  }
}

TEST_CASE("the WSDL declares every message type exactly as Intuit's WSDL does") {
  if (!samples_dir()) return;
  const auto ours = parse_xml(wsdl_document(kEndpoint));
  const auto intuit =
      parse_xml(read_file(*samples_dir() / "wsdl" / "intuit_TroubleshootWebServiceFS_via_flowlink.wsdl"));
  const auto our_components = schema_components(ours);
  const auto intuit_components = schema_components(intuit);
  CHECK(our_components.size() == intuit_components.size());
  for (const auto& [name, component] : intuit_components) {
    INFO(name);
    REQUIRE(our_components.contains(name));
    CHECK(qbwc_test::element_difference(component, our_components.at(name)) == "");
  }
}

TEST_CASE("the WSDL's schema accepts every sample request and every response we write") {
  if (!samples_dir()) return;
  const auto wsdl = parse_xml(wsdl_document(kEndpoint));
  const auto schema =
      qbwc_test::Schema::from_element(find_element(xmlDocGetRootElement(wsdl.get()), "schema"));
  for (const auto& file : qbwc_test::files_matching(*samples_dir() / "soap", "wc_", ".xml")) {
    INFO(file.filename());
    CHECK(schema.body_errors(read_file(file)) == "");
  }
  const Response responses[] = {ServerVersionResponse{"1.0"},
                                ClientVersionResponse::accept(),
                                AuthenticateResponse{"t", Busy{}, std::chrono::seconds(5), {}},
                                SendRequestXmlResponse{"<QBXML/>"},
                                ReceiveResponseXmlResponse{-101},
                                ConnectionErrorResponse{},
                                GetLastErrorResponse{"x"},
                                CloseConnectionResponse{"OK"}};
  for (const auto& response : responses) {
    INFO(response.index());
    CHECK(schema.body_errors(serialize_response(response)) == "");
  }
}
