#pragma once
/// Why a QBWC SOAP request was refused, and the SOAP 1.1 Fault that tells the caller.
#include <string>
#include <string_view>

namespace ml::qbwc {

/// What was wrong with a request. Each kind maps to one SOAP 1.1 faultcode (see `fault_for`).
enum class SoapErrorKind {
  TooLarge,            ///< the body is longer than ParseLimits::max_bytes
  NotWellFormed,       ///< not XML (or not UTF-8, or an undefined entity reference)
  DoctypeNotAllowed,   ///< a DOCTYPE / markup declaration: DTDs and custom entities are refused
  TooDeep,             ///< elements nested deeper than ParseLimits::max_depth
  NotSoapEnvelope,     ///< XML, but not a SOAP 1.1 Envelope with one operation in its Body
  VersionMismatch,     ///< a SOAP 1.2 envelope
  MustUnderstand,      ///< a Header entry with mustUnderstand="1" (we understand none)
  UnknownMethod,       ///< the Body element is not one of the eight QBWC operations
  SoapActionMismatch,  ///< the SOAPAction header names another operation than the Body
  BadValue,            ///< a parameter holds something other than text, or a non-integer version
};

/// A refused request: what is wrong and where (a line, and an element path when known).
struct SoapError {
  SoapErrorKind kind;
  std::string message;  ///< e.g. "element qbXMLMajorVers is 'six', expected an integer"
  std::string where;    ///< e.g. "line 9, Envelope/Body/sendRequestXML/qbXMLMajorVers"

  /// "message (at where)", or the message alone when where is empty.
  std::string describe() const;
};

/// SOAP 1.1 faultcode values (SOAP 1.1 §4.4.1).
enum class FaultCode { VersionMismatch, MustUnderstand, Client, Server };

/// A SOAP Fault to send back: `Client` for a bad request, `Server` for our own failure.
struct SoapFault {
  FaultCode code;
  std::string reason;  ///< faultstring: what went wrong and where
};

/// HTTP status that carries a SOAP 1.1 Fault (SOAP 1.1 §6.2).
inline constexpr int kFaultHttpStatus = 500;

/// The fault that answers a refused request.
SoapFault fault_for(const SoapError& error);

/// "soap:Client", "soap:Server", ...
std::string_view faultcode_text(FaultCode code);

/// A complete UTF-8 SOAP 1.1 envelope whose Body holds only the Fault.
std::string serialize_fault(const SoapFault& fault);

}  // namespace ml::qbwc
