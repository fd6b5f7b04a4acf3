#include <catch2/catch.hpp>
#include <map>

#include "ml/qbwc/namespaces.hpp"
#include "ml/qbwc/response.hpp"
#include "samples.hpp"
#include "xml_tree.hpp"

using namespace ml::qbwc;
using namespace std::chrono_literals;
using qbwc_test::find_element;
using qbwc_test::parse_xml;
using qbwc_test::read_file;
using qbwc_test::samples_dir;
using qbwc_test::text_of;

namespace {

constexpr std::string_view kTicket = "9f1c2b7e-3d4a-4e5f-8a6b-7c8d9e0f1a2b";

std::string reference(const std::string& name) {
  return read_file(*samples_dir() / "soap" / ("server_response_" + name + ".REFERENCE.xml"));
}

// What we answer in each situation a REFERENCE sample shows, with the sample's values.
std::map<std::string, Response> responses_for_references() {
  const auto invoice_add = parse_xml(reference("sendRequestXML_invoice_add"));
  const std::string invoice_qbxml =
      text_of(find_element(xmlDocGetRootElement(invoice_add.get()), "sendRequestXMLResult"));
  const std::string ticket(kTicket);
  return {
      {"serverVersion", ServerVersionResponse{"1.0.0"}},
      {"clientVersion_ok", ClientVersionResponse::accept()},
      {"clientVersion_warn",
       ClientVersionResponse::warn("Please upgrade the QuickBooks Web Connector to 2.3 or later")},
      {"authenticate_busy_postpone", AuthenticateResponse{ticket, Busy{}, 300s, 600s}},
      {"authenticate_none", AuthenticateResponse{ticket, NoWork{}, {}, {}}},
      {"authenticate_nvu", AuthenticateResponse{"", InvalidUser{}, {}, {}}},
      {"authenticate_work_current_company", AuthenticateResponse{ticket, Proceed{}, {}, {}}},
      {"authenticate_work_named_company",
       AuthenticateResponse{
           ticket,
           Proceed{"C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\MyCo.QBW"},
           {},
           {}}},
      {"sendRequestXML_empty", SendRequestXmlResponse{""}},
      {"sendRequestXML_invoice_add", SendRequestXmlResponse{invoice_qbxml}},
      {"receiveResponseXML_50pct", ReceiveResponseXmlResponse{50}},
      {"receiveResponseXML_done", ReceiveResponseXmlResponse{100}},
      {"receiveResponseXML_error", ReceiveResponseXmlResponse{-1}},
      {"connectionError_done", ConnectionErrorResponse{}},
      {"getLastError",
       GetLastErrorResponse{"3140: There is an invalid reference to QuickBooks Customer \"Joe Smith\""}},
      {"getLastError_noop", GetLastErrorResponse{std::string(GetLastErrorResponse::kNoOp)}},
      {"closeConnection", CloseConnectionResponse{"OK"}},
  };
}

std::vector<std::string> string_elements(const std::string& xml) {
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  std::vector<std::string> values;
  for (xmlNode* s = xmlFirstElementChild(find_element(xmlDocGetRootElement(doc.get()), "authenticateResult"));
       s != nullptr; s = xmlNextElementSibling(s)) {
    values.push_back(text_of(s));
  }
  return values;
}

std::string result_text(const std::string& xml, std::string_view result_element) {
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  return text_of(find_element(xmlDocGetRootElement(doc.get()), result_element));
}

}  // namespace

TEST_CASE("every response has the structure and values of its REFERENCE sample") {
  if (!samples_dir()) return;
  for (const auto& [name, response] : responses_for_references()) {
    INFO(name);
    CHECK(qbwc_test::structure_difference(reference(name), serialize_response(response)) == "");
  }
}

TEST_CASE("every REFERENCE response sample is covered by the structural comparison") {
  if (!samples_dir()) return;
  const auto covered = responses_for_references();
  for (const auto& file :
       qbwc_test::files_matching(*samples_dir() / "soap", "server_response_", ".REFERENCE.xml")) {
    std::string name = file.filename().string();
    name = name.substr(std::string("server_response_").size());
    name.resize(name.size() - std::string(".REFERENCE.xml").size());
    INFO(name);
    CHECK(covered.contains(name));
  }
}

TEST_CASE("our SOAP response bodies validate against the QBWC WSDL types") {
  if (!samples_dir()) return;
  const auto schema = qbwc_test::Schema::from_file(*samples_dir() / "wsdl" / "qbwc_soap_body.DERIVED.xsd");
  for (const auto& [name, response] : responses_for_references()) {
    INFO(name);
    CHECK(schema.body_errors(serialize_response(response)) == "");
  }
  CHECK(schema.body_errors(serialize_response(AuthenticateResponse{"t", NoWork{}, 60s, {}})) == "");
}

TEST_CASE("authenticate always writes every string element, even empty ones") {
  CHECK(string_elements(serialize_response(AuthenticateResponse{"", InvalidUser{}, {}, {}})) ==
        std::vector<std::string>{"", "nvu"});
  CHECK(string_elements(serialize_response(AuthenticateResponse{"t", Proceed{}, {}, {}})) ==
        std::vector<std::string>{"t", ""});
}

TEST_CASE("authenticate with one delay sends four strings, the unset delay empty") {
  CHECK(string_elements(serialize_response(AuthenticateResponse{"t", NoWork{}, 90s, {}})) ==
        std::vector<std::string>{"t", "none", "90", ""});
  CHECK(string_elements(serialize_response(AuthenticateResponse{"t", Proceed{"C:\\a.QBW"}, {}, 300s})) ==
        std::vector<std::string>{"t", "C:\\a.QBW", "", "300"});
}

TEST_CASE("clientVersion verdicts are prefixed W:, E: and O:") {
  CHECK(result_text(serialize_response(ClientVersionResponse::warn("old")), "clientVersionResult") ==
        "W:old");
  CHECK(result_text(serialize_response(ClientVersionResponse::refuse("no")), "clientVersionResult") ==
        "E:no");
  CHECK(result_text(serialize_response(ClientVersionResponse::require_version("2.3.0.215")),
                    "clientVersionResult") == "O:2.3.0.215");
}

TEST_CASE("connectionError answers done, or the company file to retry with") {
  CHECK(result_text(serialize_response(ConnectionErrorResponse{}), "connectionErrorResult") == "done");
  CHECK(result_text(serialize_response(ConnectionErrorResponse{"C:\\Co.QBW"}), "connectionErrorResult") ==
        "C:\\Co.QBW");
}

TEST_CASE("qbXML request text with non-ASCII, & < > and CR survives escaping exactly") {
  const std::string qbxml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<?qbxml version=\"13.0\"?>\n<QBXML><Memo>M\xC3\xBCller "
      "&amp; "
      "\"S\xC3\xB6hne\" \xF0\x9F\x93\xA6 a<b</Memo></QBXML>";
  const std::string xml = serialize_response(SendRequestXmlResponse{qbxml});
  CHECK(result_text(xml, "sendRequestXMLResult") == qbxml);
  CHECK(xml.find("&lt;QBXML&gt;") != std::string::npos);
}

TEST_CASE("characters XML cannot carry become U+FFFD so the answer stays well-formed") {
  const std::string xml = serialize_response(GetLastErrorResponse{"bad\x01 byte\xFF end"});
  CHECK(result_text(xml, "getLastErrorResult") == "bad\xEF\xBF\xBD byte\xEF\xBF\xBD end");
}

TEST_CASE("responses are UTF-8 SOAP 1.1 documents sent as text/xml") {
  CHECK(kSoapContentType == "text/xml; charset=utf-8");
  const std::string xml = serialize_response(CloseConnectionResponse{"OK"});
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
}
