#include "ml/qbwc/fault.hpp"

#include <catch2/catch.hpp>

#include "ml/qbwc/request.hpp"
#include "xml_tree.hpp"

using namespace ml::qbwc;
using qbwc_test::find_element;
using qbwc_test::parse_xml;
using qbwc_test::text_of;

namespace {

constexpr std::string_view kAuthenticate =
    "<authenticate xmlns=\"http://developer.intuit.com/\"><strUserName>u</strUserName></authenticate>";

std::string soap11(std::string_view body_content) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n<soap:Body>" +
         std::string(body_content) + "</soap:Body></soap:Envelope>";
}

SoapError refusal(std::string_view xml, const ParseLimits& limits = {}) {
  const auto parsed = parse_request(xml, {}, limits);
  REQUIRE_FALSE(parsed);
  return parsed.error();
}

// The Fault must be a well-formed SOAP 1.1 envelope whose Body holds only soap:Fault with the
// code and a faultstring that names the place.
void require_fault(const SoapError& error, std::string_view faultcode) {
  const std::string xml = serialize_fault(fault_for(error));
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  CHECK(std::string_view(reinterpret_cast<const char*>(root->ns->href)) ==
        "http://schemas.xmlsoap.org/soap/envelope/");
  xmlNode* fault = find_element(root, "Fault");
  REQUIRE(fault != nullptr);
  CHECK(std::string_view(reinterpret_cast<const char*>(fault->ns->href)) ==
        "http://schemas.xmlsoap.org/soap/envelope/");
  CHECK(text_of(find_element(fault, "faultcode")) == faultcode);
  CHECK(text_of(find_element(fault, "faultstring")) == error.describe());
  CHECK_FALSE(error.where.empty());
}

}  // namespace

TEST_CASE("a malformed envelope is NotWellFormed, located by line, answered with soap:Client") {
  const auto error =
      refusal(soap11("<authenticate xmlns=\"http://developer.intuit.com/\"><strUserName>u</authenticate>"));
  CHECK(error.kind == SoapErrorKind::NotWellFormed);
  CHECK(error.where == "line 3");
  require_fault(error, "soap:Client");
}

TEST_CASE("a DOCTYPE is refused before any entity is expanded") {
  const auto error = refusal(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n" +
      soap11("<x>&lol2;</x>"));
  CHECK(error.kind == SoapErrorKind::DoctypeNotAllowed);
  CHECK(error.where == "line 2");
  require_fault(error, "soap:Client");
}

TEST_CASE("an undefined entity reference is refused as NotWellFormed") {
  const auto error = refusal(
      soap11("<getLastError xmlns=\"http://developer.intuit.com/\"><ticket>&foo;</ticket></getLastError>"));
  CHECK(error.kind == SoapErrorKind::NotWellFormed);
  CHECK_THAT(error.message, Catch::Contains("&foo"));
  require_fault(error, "soap:Client");
}

TEST_CASE("an unknown method is refused as UnknownMethod naming it") {
  const auto error = refusal(soap11("<deleteCompany xmlns=\"http://developer.intuit.com/\"/>"));
  CHECK(error.kind == SoapErrorKind::UnknownMethod);
  CHECK_THAT(error.message, Catch::Contains("{http://developer.intuit.com/}deleteCompany"));
  CHECK_THAT(error.where, Catch::Contains("Envelope/Body/deleteCompany"));
  require_fault(error, "soap:Client");
}

TEST_CASE("a QBWC method name in another namespace is an unknown method") {
  const auto error = refusal(soap11("<authenticate xmlns=\"urn:other\"/>"));
  CHECK(error.kind == SoapErrorKind::UnknownMethod);
  require_fault(error, "soap:Client");
}

TEST_CASE("a document nested deeper than the limit is refused as TooDeep") {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "<a>";
  for (int i = 0; i < 40; ++i) deep += "</a>";
  const auto error = refusal(soap11(deep));
  CHECK(error.kind == SoapErrorKind::TooDeep);
  require_fault(error, "soap:Client");
  CHECK(refusal(soap11(kAuthenticate), ParseLimits{.max_depth = 3}).kind == SoapErrorKind::TooDeep);
  CHECK(parse_request(soap11(kAuthenticate), {}, ParseLimits{.max_depth = 4}));
}

TEST_CASE("a document nested hundreds of thousands of levels deep is refused as TooDeep before parsing") {
  std::string deep;
  for (int i = 0; i < 200'000; ++i) deep += "<a>";
  CHECK(refusal(soap11(deep)).kind == SoapErrorKind::TooDeep);
}

TEST_CASE("a SOAP 1.2 envelope is refused as VersionMismatch with soap:VersionMismatch") {
  const auto error =
      refusal("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>" +
              std::string(kAuthenticate) + "</env:Body></env:Envelope>");
  CHECK(error.kind == SoapErrorKind::VersionMismatch);
  require_fault(error, "soap:VersionMismatch");
}

TEST_CASE("a body larger than the size limit is refused as TooLarge without parsing") {
  const auto error = refusal(soap11(kAuthenticate), ParseLimits{.max_bytes = 64});
  CHECK(error.kind == SoapErrorKind::TooLarge);
  require_fault(error, "soap:Client");
}

TEST_CASE("XML that is not a SOAP envelope is refused as NotSoapEnvelope") {
  CHECK(refusal("<authenticate xmlns=\"http://developer.intuit.com/\"/>").kind ==
        SoapErrorKind::NotSoapEnvelope);
  CHECK(refusal(soap11("")).kind == SoapErrorKind::NotSoapEnvelope);
  CHECK(refusal(soap11(std::string(kAuthenticate) + std::string(kAuthenticate))).kind ==
        SoapErrorKind::NotSoapEnvelope);
  const auto no_body =
      refusal("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Head/></s:Envelope>");
  CHECK(no_body.kind == SoapErrorKind::NotSoapEnvelope);
  require_fault(no_body, "soap:Client");
}

TEST_CASE("a header entry that must be understood is refused with soap:MustUnderstand") {
  const auto error = refusal(
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
      "<t:Transaction xmlns:t=\"urn:tx\" soap:mustUnderstand=\"1\">5</t:Transaction></soap:Header>"
      "<soap:Body>" +
      std::string(kAuthenticate) + "</soap:Body></soap:Envelope>");
  CHECK(error.kind == SoapErrorKind::MustUnderstand);
  require_fault(error, "soap:MustUnderstand");
}

TEST_CASE("bytes that are not UTF-8 or not XML characters are refused as NotWellFormed") {
  CHECK(
      refusal(
          soap11("<getLastError xmlns=\"http://developer.intuit.com/\"><ticket>\xFF</ticket></getLastError>"))
          .kind == SoapErrorKind::NotWellFormed);
  CHECK(
      refusal(
          soap11("<getLastError xmlns=\"http://developer.intuit.com/\"><ticket>\x01</ticket></getLastError>"))
          .kind == SoapErrorKind::NotWellFormed);
  CHECK(
      refusal(
          soap11("<getLastError xmlns=\"http://developer.intuit.com/\"><ticket>&#1;</ticket></getLastError>"))
          .kind == SoapErrorKind::NotWellFormed);
}

TEST_CASE("a second root element or an undeclared prefix is refused as NotWellFormed") {
  CHECK(refusal(soap11(kAuthenticate) + "<again/>").kind == SoapErrorKind::NotWellFormed);
  CHECK(refusal(soap11("<dev:authenticate/>")).kind == SoapErrorKind::NotWellFormed);
}

TEST_CASE("an empty request is refused as NotWellFormed") {
  const auto error = refusal("");
  CHECK(error.kind == SoapErrorKind::NotWellFormed);
  require_fault(error, "soap:Client");
}

TEST_CASE("a server fault carries soap:Server and an escaped reason") {
  const std::string xml = serialize_fault({FaultCode::Server, "database <down> & \"out\""});
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  CHECK(text_of(find_element(root, "faultcode")) == "soap:Server");
  CHECK(text_of(find_element(root, "faultstring")) == "database <down> & \"out\"");
  CHECK(kFaultHttpStatus == 500);
}
