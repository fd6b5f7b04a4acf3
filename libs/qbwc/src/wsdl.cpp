#include "ml/qbwc/wsdl.hpp"

#include "ml/qbwc/namespaces.hpp"
#include "operations.hpp"
#include "xml_escape.hpp"

namespace ml::qbwc {
namespace {

using detail::OperationSpec;
using detail::XsdType;

std::string_view type_name(XsdType type) {
  switch (type) {
    case XsdType::String:
      return "s:string";
    case XsdType::Int:
      return "s:int";
    case XsdType::ArrayOfString:
      return "tns:ArrayOfString";
  }
  return "s:string";
}

// Ints are value types in .NET's serializer, hence minOccurs="1"; strings may be absent.
void append_element(std::string& out, std::string_view name, XsdType type) {
  out.append("            <s:element minOccurs=\"").append(type == XsdType::Int ? "1" : "0");
  out.append("\" maxOccurs=\"1\" name=\"").append(name).append("\" type=\"").append(type_name(type));
  out.append("\" />\n");
}

void append_wrapper(std::string& out, std::string_view name,
                    std::span<const detail::WireParameter> children) {
  out.append("      <s:element name=\"").append(name).append("\">\n");
  if (children.empty()) {
    out += "        <s:complexType />\n";
  } else {
    out += "        <s:complexType>\n          <s:sequence>\n";
    for (const auto& child : children) append_element(out, child.name, child.type);
    out += "          </s:sequence>\n        </s:complexType>\n";
  }
  out += "      </s:element>\n";
}

void append_types(std::string& out) {
  out.append("  <wsdl:types>\n    <s:schema elementFormDefault=\"qualified\" targetNamespace=\"")
      .append(kQbwcNamespace)
      .append("\">\n");
  for (const OperationSpec& op : detail::kOperations) {
    append_wrapper(out, op.name, op.parameters);
    const std::string response = std::string(op.name) + "Response";
    const std::string result = std::string(op.name) + "Result";
    const detail::WireParameter result_element[] = {{result, op.result}};
    append_wrapper(out, response, result_element);
  }
  out +=
      "      <s:complexType name=\"ArrayOfString\">\n"
      "        <s:sequence>\n"
      "          <s:element minOccurs=\"0\" maxOccurs=\"unbounded\" name=\"string\" nillable=\"true\" "
      "type=\"s:string\" />\n"
      "        </s:sequence>\n"
      "      </s:complexType>\n"
      "    </s:schema>\n  </wsdl:types>\n";
}

void append_messages(std::string& out) {
  for (const OperationSpec& op : detail::kOperations) {
    for (std::string_view direction : {"In", "Out"}) {
      out.append("  <wsdl:message name=\"").append(op.name).append("Soap").append(direction).append("\">\n");
      out.append("    <wsdl:part name=\"parameters\" element=\"tns:").append(op.name);
      out.append(direction == "Out" ? "Response" : "").append("\" />\n  </wsdl:message>\n");
    }
  }
}

void append_port_type(std::string& out) {
  out += "  <wsdl:portType name=\"QBWebConnectorSvcSoap\">\n";
  for (const OperationSpec& op : detail::kOperations) {
    out.append("    <wsdl:operation name=\"").append(op.name).append("\">\n");
    out.append("      <wsdl:input message=\"tns:").append(op.name).append("SoapIn\" />\n");
    out.append("      <wsdl:output message=\"tns:").append(op.name).append("SoapOut\" />\n");
    out += "    </wsdl:operation>\n";
  }
  out += "  </wsdl:portType>\n";
}

void append_binding(std::string& out) {
  out +=
      "  <wsdl:binding name=\"QBWebConnectorSvcSoap\" type=\"tns:QBWebConnectorSvcSoap\">\n"
      "    <soap:binding transport=\"http://schemas.xmlsoap.org/soap/http\" style=\"document\" />\n";
  for (const OperationSpec& op : detail::kOperations) {
    out.append("    <wsdl:operation name=\"").append(op.name).append("\">\n");
    out.append("      <soap:operation soapAction=\"").append(kQbwcNamespace).append(op.name);
    out += "\" style=\"document\" />\n";
    out += "      <wsdl:input>\n        <soap:body use=\"literal\" />\n      </wsdl:input>\n";
    out += "      <wsdl:output>\n        <soap:body use=\"literal\" />\n      </wsdl:output>\n";
    out += "    </wsdl:operation>\n";
  }
  out += "  </wsdl:binding>\n";
}

void append_service(std::string& out, std::string_view endpoint_url) {
  out +=
      "  <wsdl:service name=\"QBWebConnectorSvc\">\n"
      "    <wsdl:port name=\"QBWebConnectorSvcSoap\" binding=\"tns:QBWebConnectorSvcSoap\">\n"
      "      <soap:address location=\"";
  detail::append_escaped_attribute(out, endpoint_url);
  out += "\" />\n    </wsdl:port>\n  </wsdl:service>\n";
}

}  // namespace

std::string wsdl_document(std::string_view endpoint_url) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" "
      "xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\" "
      "xmlns:s=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"";
  out.append(kQbwcNamespace).append("\" targetNamespace=\"").append(kQbwcNamespace).append("\">\n");
  append_types(out);
  append_messages(out);
  append_port_type(out);
  append_binding(out);
  append_service(out, endpoint_url);
  out += "</wsdl:definitions>\n";
  return out;
}

}  // namespace ml::qbwc
