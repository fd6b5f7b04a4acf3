#pragma once
/// The eight calls the QuickBooks Web Connector makes, parsed from their SOAP 1.1 envelopes.
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <variant>

#include "ml/qbwc/fault.hpp"

namespace ml::qbwc {

// Missing or empty parameters are empty strings (or 0 for the qbXML version numbers).

/// `serverVersion`: first call of a session; takes no parameters.
struct ServerVersionRequest {
  bool operator==(const ServerVersionRequest&) const = default;
};

/// `clientVersion`: the Web Connector's own version, e.g. "2.3.0.215".
struct ClientVersionRequest {
  std::string version;  ///< strVersion
  bool operator==(const ClientVersionRequest&) const = default;
};

/// `authenticate`: the .qwc UserName and the password the user typed into the Web Connector.
struct AuthenticateRequest {
  std::string user_name;  ///< strUserName
  std::string password;   ///< strPassword
  bool operator==(const AuthenticateRequest&) const = default;
};

/// `sendRequestXML`: asks for the next qbXML request. The HCP response (HostQuery, CompanyQuery,
/// PreferencesQuery) comes only on the first call of a session.
struct SendRequestXmlRequest {
  std::string ticket;
  std::string hcp_response;       ///< strHCPResponse, qbXML text
  std::string company_file_name;  ///< strCompanyFileName
  std::string qbxml_country;      ///< qbXMLCountry, e.g. "US"
  int qbxml_major_version = 0;    ///< qbXMLMajorVers
  int qbxml_minor_version = 0;    ///< qbXMLMinorVers
  bool operator==(const SendRequestXmlRequest&) const = default;
};

/// `receiveResponseXML`: QuickBooks' qbXML answer, or hresult + message when it failed.
struct ReceiveResponseXmlRequest {
  std::string ticket;
  std::string response;  ///< qbXML text, unescaped
  std::string hresult;   ///< e.g. "0x80040400"; empty on success
  std::string message;
  bool operator==(const ReceiveResponseXmlRequest&) const = default;
};

/// `connectionError`: the Web Connector could not open QuickBooks or the company file.
struct ConnectionErrorRequest {
  std::string ticket;
  std::string hresult;
  std::string message;
  bool operator==(const ConnectionErrorRequest&) const = default;
};

/// `getLastError`: asks for the text to show after a negative receiveResponseXML or an empty
/// sendRequestXML.
struct GetLastErrorRequest {
  std::string ticket;
  bool operator==(const GetLastErrorRequest&) const = default;
};

/// `closeConnection`: the session ends.
struct CloseConnectionRequest {
  std::string ticket;
  bool operator==(const CloseConnectionRequest&) const = default;
};

using Request = std::variant<ServerVersionRequest, ClientVersionRequest, AuthenticateRequest,
                             SendRequestXmlRequest, ReceiveResponseXmlRequest, ConnectionErrorRequest,
                             GetLastErrorRequest, CloseConnectionRequest>;

/// Bounds on what parse_request accepts.
struct ParseLimits {
  std::size_t max_bytes = 32 * 1024 * 1024;  ///< a large query answer is a few MB of escaped qbXML
  int max_depth = 32;                        ///< a QBWC envelope is 4 elements deep
};

/// Parses one QBWC SOAP 1.1 request body. Dispatches on the Body element (namespace
/// http://developer.intuit.com/, any prefix). `soap_action` is the SOAPAction header value as
/// received (quotes allowed) or empty when absent; when given, it must name the same operation.
std::expected<Request, SoapError> parse_request(std::string_view body, std::string_view soap_action = {},
                                                const ParseLimits& limits = {});

/// The wire name of the operation, e.g. "sendRequestXML".
std::string_view operation_name(const Request& request);

}  // namespace ml::qbwc
