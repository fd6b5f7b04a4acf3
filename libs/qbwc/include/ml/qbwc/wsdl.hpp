#pragma once
/// The WSDL served at `GET <endpoint>?wsdl`: the eight QBWC operations, SOAP 1.1
/// document/literal, with our endpoint as soap:address.
#include <string>
#include <string_view>

namespace ml::qbwc {

/// The WSDL 1.1 document (UTF-8) for a service reachable at `endpoint_url`.
std::string wsdl_document(std::string_view endpoint_url);

}  // namespace ml::qbwc
