#pragma once
/// The namespaces and media types of the QuickBooks Web Connector SOAP interface.
#include <string_view>

namespace ml::qbwc {

/// Namespace of every QBWC body element (WSDL targetNamespace, elementFormDefault="qualified").
inline constexpr std::string_view kQbwcNamespace = "http://developer.intuit.com/";
/// SOAP 1.1 envelope namespace: the only envelope QBWC sends and the only one we accept.
inline constexpr std::string_view kSoap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
/// SOAP 1.2 envelope namespace: recognised only to answer it with a VersionMismatch fault.
inline constexpr std::string_view kSoap12Namespace = "http://www.w3.org/2003/05/soap-envelope";

/// Content-Type of every SOAP answer (responses and faults) and of the WSDL.
inline constexpr std::string_view kSoapContentType = "text/xml; charset=utf-8";

}  // namespace ml::qbwc
