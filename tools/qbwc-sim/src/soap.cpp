#include "soap.hpp"

#include <tinyxml2.h>

namespace ml::qbwc_sim::soap {
namespace {

using tinyxml2::XMLElement;

std::string_view local_name(const XMLElement& el) {
  const std::string_view name = el.Name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const XMLElement* child(const XMLElement& parent, std::string_view local) {
  for (const XMLElement* el = parent.FirstChildElement(); el; el = el->NextSiblingElement())
    if (local_name(*el) == local) return el;
  return nullptr;
}

std::string text_of(const XMLElement& el) { return el.GetText() ? el.GetText() : ""; }

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string request_envelope(std::string_view method, const std::vector<Param>& params) {
  std::string body =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
      "<soap:Body>";
  body += "<" + std::string(method) + " xmlns=\"" + std::string(kNamespace) + "\"";
  if (params.empty()) {
    body += " />";
  } else {
    body += ">";
    for (const auto& p : params)
      body += p.value.empty() ? "<" + p.name + " />" : "<" + p.name + ">" + escape(p.value) + "</" + p.name + ">";
    body += "</" + std::string(method) + ">";
  }
  return body + "</soap:Body></soap:Envelope>";
}

std::expected<Result, std::string> parse_result(std::string_view body, std::string_view method) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS)
    return std::unexpected(std::string("the answer is not well-formed XML: ") + doc.ErrorStr());
  const XMLElement* envelope = doc.RootElement();
  const XMLElement* soap_body = envelope && local_name(*envelope) == "Envelope" ? child(*envelope, "Body") : nullptr;
  const XMLElement* answer = soap_body ? soap_body->FirstChildElement() : nullptr;
  if (!answer) return std::unexpected("the answer has no SOAP Envelope/Body content");
  if (local_name(*answer) == "Fault") {
    const XMLElement* fault = child(*answer, "faultstring");
    return std::unexpected("SOAP Fault: " + (fault ? text_of(*fault) : std::string("(no faultstring)")));
  }
  const std::string expected = std::string(method) + "Response";
  if (local_name(*answer) != expected)
    return std::unexpected("expected " + expected + " but got " + std::string(local_name(*answer)));
  const XMLElement* result = child(*answer, std::string(method) + "Result");
  if (!result) return std::unexpected(expected + " has no " + std::string(method) + "Result");
  Result out{text_of(*result), {}};
  for (const XMLElement* el = result->FirstChildElement(); el; el = el->NextSiblingElement())
    if (local_name(*el) == "string") out.strings.push_back(text_of(*el));
  return out;
}

}  // namespace ml::qbwc_sim::soap
