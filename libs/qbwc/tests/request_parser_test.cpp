#include <catch2/catch.hpp>

#include "ml/qbwc/request.hpp"
#include "samples.hpp"

using namespace ml::qbwc;
using qbwc_test::read_file;
using qbwc_test::samples_dir;
using qbwc_test::trimmed;

namespace {

template <class Expected>
Expected parsed_sample(const std::string& name) {
  const auto parsed = parse_request(read_file(*samples_dir() / "soap" / name));
  INFO(name << ": " << (parsed ? "" : parsed.error().describe()));
  REQUIRE(parsed);
  REQUIRE(std::holds_alternative<Expected>(*parsed));
  return std::get<Expected>(*parsed);
}

std::string envelope(const std::string& body_content) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
         "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" +
         body_content + "</soap:Body></soap:Envelope>";
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("serverVersion from the Web Connector parses as a call without parameters") {
  if (!samples_dir()) return;
  parsed_sample<ServerVersionRequest>("wc_request_serverVersion.cgunther.xml");
}

TEST_CASE("clientVersion carries the Web Connector's version") {
  if (!samples_dir()) return;
  CHECK(parsed_sample<ClientVersionRequest>("wc_request_clientVersion.cgunther.xml").version == "2.1.0.30");
}

TEST_CASE("authenticate carries the user name and the password") {
  if (!samples_dir()) return;
  const auto request = parsed_sample<AuthenticateRequest>("wc_request_authenticate.cgunther.xml");
  CHECK(request.user_name == "foo");
  CHECK(request.password == "bar");
}

TEST_CASE("the first sendRequestXML carries the HCP response, company file and qbXML version") {
  if (!samples_dir()) return;
  const auto request =
      parsed_sample<SendRequestXmlRequest>("wc_request_sendRequestXML_first_call_with_HCP.DERIVED.xml");
  CHECK(request.ticket == "acc277c2d9351c6da12345887293fc6a32860006");
  CHECK(trimmed(request.hcp_response) ==
        trimmed(read_file(*samples_dir() / "qbxml" / "hcp_response_QBPro2014.qbwc.fixed.xml")));
  CHECK(request.company_file_name == "c:\\QuickBooks\\MyFile.QBW");
  CHECK(request.qbxml_country == "US");
  CHECK(request.qbxml_major_version == 13);
  CHECK(request.qbxml_minor_version == 0);
}

TEST_CASE("a later sendRequestXML has an empty HCP response") {
  if (!samples_dir()) return;
  const auto request = parsed_sample<SendRequestXmlRequest>("wc_request_sendRequestXML.cgunther.xml");
  CHECK(request.ticket == "0358d44e-9d87-4d40-8299-3026881951bb");
  CHECK(request.hcp_response.empty());
  CHECK(request.company_file_name ==
        "C:\\Documents and Settings\\All Users\\Documents\\Intuit\\QuickBooks\\Company Files\\Sample.QBW");
  CHECK(request.qbxml_major_version == 6);
  CHECK(request.qbxml_minor_version == 0);
}

TEST_CASE("receiveResponseXML carries QuickBooks' response unescaped, with empty hresult and message") {
  if (!samples_dir()) return;
  const auto request = parsed_sample<ReceiveResponseXmlRequest>("wc_request_receiveResponseXML.cgunther.xml");
  CHECK(request.ticket == "3dde5f3d-dc68-4500-9391-69f75e824330");
  CHECK(trimmed(request.response) ==
        trimmed(read_file(*samples_dir() / "qbxml" / "customer_add_rs.cgunther.xml")));
  CHECK(request.hresult.empty());
  CHECK(request.message.empty());
}

TEST_CASE("receiveResponseXML reporting a QuickBooks failure carries hresult and message") {
  if (!samples_dir()) return;
  const auto request = parsed_sample<ReceiveResponseXmlRequest>(
      "wc_request_receiveResponseXML_hresult_0x80040400.REFERENCE.xml");
  CHECK(request.ticket == "40fddf910fa903bde3caee77da7b30ab0bc90804");
  CHECK(request.response.empty());
  CHECK(request.hresult == "0x80040400");
  CHECK(request.message == "QuickBooks found an error when parsing the provided XML text stream.");
}

TEST_CASE("captured receiveResponseXML traffic unescapes to the qbXML QuickBooks sent") {
  if (!samples_dir()) return;
  const std::pair<std::string, std::string> captures[] = {
      {"wc_receiveResponseXML_InvoiceAddRs.flowlink.xml", "invoice_add_rs.flowlink.xml"},
      {"wc_receiveResponseXML_ItemInventoryQueryRs.flowlink.xml", "item_inventory_query_rs.flowlink.xml"},
      {"wc_receiveResponseXML_SalesOrderAddRs.flowlink.xml",
       "sales_order_add_rs_multi_with_error3140.flowlink.xml"},
  };
  for (const auto& [soap, qbxml] : captures) {
    const auto request = parsed_sample<ReceiveResponseXmlRequest>(soap);
    INFO(soap);
    CHECK(request.ticket == "354f40b4-b661-4472-a13f-8abf13a743c3");
    CHECK(trimmed(request.response) == trimmed(read_file(*samples_dir() / "qbxml" / qbxml)));
    CHECK(request.hresult.empty());
  }
}

TEST_CASE("connectionError carries hresult and message") {
  if (!samples_dir()) return;
  const auto request = parsed_sample<ConnectionErrorRequest>("wc_request_connectionError.REFERENCE.xml");
  CHECK(request.ticket == "9f1c2b7e-3d4a-4e5f-8a6b-7c8d9e0f1a2b");
  CHECK(request.hresult == "0x80040408");
  CHECK(request.message == "Could not start QuickBooks.");
}

TEST_CASE("getLastError and closeConnection carry the ticket") {
  if (!samples_dir()) return;
  CHECK(parsed_sample<GetLastErrorRequest>("wc_request_getLastError.REFERENCE.xml").ticket ==
        "9f1c2b7e-3d4a-4e5f-8a6b-7c8d9e0f1a2b");
  CHECK(parsed_sample<CloseConnectionRequest>("wc_request_closeConnection.cgunther.xml").ticket ==
        "934ea5d9-231e-4426-9ae9-720d1020c472");
}

TEST_CASE("prefixes are irrelevant: only namespaces count") {
  const std::string xml =
      "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:dev=\"http://developer.intuit.com/\">"
      "<env:Body><dev:authenticate><dev:strUserName>u</dev:strUserName><dev:strPassword>p</dev:strPassword>"
      "</dev:authenticate></env:Body></env:Envelope>";
  const auto parsed = parse_request(xml);
  REQUIRE(parsed);
  CHECK(std::get<AuthenticateRequest>(*parsed) == AuthenticateRequest{"u", "p"});
}

TEST_CASE("rpc-style unqualified parameters are accepted") {
  const auto parsed = parse_request(envelope(
      "<q1:clientVersion "
      "xmlns:q1=\"http://developer.intuit.com/\"><strVersion>2.3.0.215</strVersion></q1:clientVersion>"));
  REQUIRE(parsed);
  CHECK(std::get<ClientVersionRequest>(*parsed).version == "2.3.0.215");
}

TEST_CASE("missing and empty parameters are empty strings and zero versions") {
  const auto parsed = parse_request(
      envelope("<sendRequestXML xmlns=\"http://developer.intuit.com/\"><ticket>t</ticket><strHCPResponse/>"
               "<qbXMLMajorVers></qbXMLMajorVers></sendRequestXML>"));
  REQUIRE(parsed);
  CHECK(std::get<SendRequestXmlRequest>(*parsed) == SendRequestXmlRequest{"t", "", "", "", 0, 0});
}

TEST_CASE("a SOAP header without mustUnderstand is ignored") {
  const auto parsed = parse_request(
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header><trace "
      "xmlns=\"urn:x\">1</trace>"
      "</soap:Header><soap:Body><getLastError "
      "xmlns=\"http://developer.intuit.com/\"><ticket>t</ticket></getLastError>"
      "</soap:Body></soap:Envelope>");
  REQUIRE(parsed);
  CHECK(std::get<GetLastErrorRequest>(*parsed).ticket == "t");
}

TEST_CASE("a SOAPAction naming the body's operation is accepted, quoted or not, and is optional") {
  const std::string xml = envelope(
      "<closeConnection xmlns=\"http://developer.intuit.com/\"><ticket>t</ticket></closeConnection>");
  CHECK(parse_request(xml, "\"http://developer.intuit.com/closeConnection\""));
  CHECK(parse_request(xml, "http://developer.intuit.com/closeConnection"));
  CHECK(parse_request(xml, "\"\""));
  CHECK(parse_request(xml, ""));
}

TEST_CASE("a SOAPAction naming another operation is refused") {
  const auto parsed = parse_request(
      envelope(
          "<closeConnection xmlns=\"http://developer.intuit.com/\"><ticket>t</ticket></closeConnection>"),
      "\"http://developer.intuit.com/authenticate\"");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().kind == SoapErrorKind::SoapActionMismatch);
}

TEST_CASE("non-ASCII and & < > in qbXML response text round-trip through receiveResponseXML") {
  const std::string qbxml =
      "<?xml version=\"1.0\" ?>\n<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\">"
      "<Name>M\xC3\xBCller & S\xC3\xB6hne \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80</Name>"
      "<Memo>a &lt; b &amp;&amp; c &gt; d \"quoted\" 'single'</Memo>"
      "</CustomerQueryRs></QBXMLMsgsRs></QBXML>";
  const auto parsed = parse_request(
      envelope("<receiveResponseXML xmlns=\"http://developer.intuit.com/\"><ticket>t</ticket><response>" +
               escaped(qbxml) + "</response></receiveResponseXML>"));
  REQUIRE(parsed);
  CHECK(std::get<ReceiveResponseXmlRequest>(*parsed).response == qbxml);
}

TEST_CASE("character references and CDATA in a parameter are decoded") {
  const auto parsed = parse_request(
      envelope("<receiveResponseXML "
               "xmlns=\"http://developer.intuit.com/\"><response>&#xE9;&#233;&#13;<![CDATA[<a>&amp;]]>"
               "</response></receiveResponseXML>"));
  REQUIRE(parsed);
  CHECK(std::get<ReceiveResponseXmlRequest>(*parsed).response == "\xC3\xA9\xC3\xA9\r<a>&amp;");
}

TEST_CASE("a parameter holding markup instead of text is refused as BadValue") {
  const auto parsed = parse_request(
      envelope("<receiveResponseXML "
               "xmlns=\"http://developer.intuit.com/\"><response><QBXML/></response></receiveResponseXML>"));
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().kind == SoapErrorKind::BadValue);
  CHECK_THAT(parsed.error().describe(), Catch::Contains("response must be text"));
}

TEST_CASE("a qbXML version that is not an integer is refused as BadValue naming the element") {
  const auto parsed = parse_request(envelope(
      "<sendRequestXML "
      "xmlns=\"http://developer.intuit.com/\"><qbXMLMajorVers>six</qbXMLMajorVers></sendRequestXML>"));
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().kind == SoapErrorKind::BadValue);
  CHECK_THAT(parsed.error().where, Catch::Contains("Envelope/Body/sendRequestXML/qbXMLMajorVers"));
}

TEST_CASE("operation_name gives the wire name of a parsed call") {
  CHECK(operation_name(Request{SendRequestXmlRequest{}}) == "sendRequestXML");
  CHECK(operation_name(Request{ServerVersionRequest{}}) == "serverVersion");
}

TEST_CASE("every Web Connector request sample parses as the operation its file names") {
  if (!samples_dir()) return;
  for (const auto& file : qbwc_test::files_matching(*samples_dir() / "soap", "wc_", ".xml")) {
    const auto parsed = parse_request(read_file(file));
    INFO(file.filename() << ": " << (parsed ? "" : parsed.error().describe()));
    REQUIRE(parsed);
    CHECK(file.filename().string().find("_" + std::string(operation_name(*parsed))) != std::string::npos);
  }
}
