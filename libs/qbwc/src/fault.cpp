#include "ml/qbwc/fault.hpp"

#include "envelope.hpp"
#include "xml_escape.hpp"

namespace ml::qbwc {

std::string SoapError::describe() const {
  if (where.empty()) return message;
  return message + " (at " + where + ")";
}

SoapFault fault_for(const SoapError& error) {
  switch (error.kind) {
    case SoapErrorKind::VersionMismatch:
      return {FaultCode::VersionMismatch, error.describe()};
    case SoapErrorKind::MustUnderstand:
      return {FaultCode::MustUnderstand, error.describe()};
    default:
      return {FaultCode::Client, error.describe()};
  }
}

std::string_view faultcode_text(FaultCode code) {
  switch (code) {
    case FaultCode::VersionMismatch:
      return "soap:VersionMismatch";
    case FaultCode::MustUnderstand:
      return "soap:MustUnderstand";
    case FaultCode::Client:
      return "soap:Client";
    case FaultCode::Server:
      return "soap:Server";
  }
  return "soap:Server";
}

std::string serialize_fault(const SoapFault& fault) {
  std::string out(detail::kEnvelopeStart);
  out += "<soap:Fault><faultcode>";
  out += faultcode_text(fault.code);
  out += "</faultcode><faultstring>";
  detail::append_escaped_text(out, fault.reason);
  out += "</faultstring></soap:Fault>";
  out += detail::kEnvelopeEnd;
  return out;
}

}  // namespace ml::qbwc
