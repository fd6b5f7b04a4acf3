#pragma once
// The eight QBWC operations in the order of the Request and Response variants, with the wire
// parameters the WSDL declares for each.
#include <array>
#include <span>
#include <string_view>

namespace ml::qbwc::detail {

enum class XsdType { String, Int, ArrayOfString };

struct WireParameter {
  std::string_view name;
  XsdType type;
};

struct OperationSpec {
  std::string_view name;
  std::span<const WireParameter> parameters;
  XsdType result;
};

inline constexpr WireParameter kClientVersionParameters[] = {{"strVersion", XsdType::String}};
inline constexpr WireParameter kAuthenticateParameters[] = {{"strUserName", XsdType::String},
                                                            {"strPassword", XsdType::String}};
inline constexpr WireParameter kSendRequestXmlParameters[] = {{"ticket", XsdType::String},
                                                              {"strHCPResponse", XsdType::String},
                                                              {"strCompanyFileName", XsdType::String},
                                                              {"qbXMLCountry", XsdType::String},
                                                              {"qbXMLMajorVers", XsdType::Int},
                                                              {"qbXMLMinorVers", XsdType::Int}};
inline constexpr WireParameter kReceiveResponseXmlParameters[] = {{"ticket", XsdType::String},
                                                                  {"response", XsdType::String},
                                                                  {"hresult", XsdType::String},
                                                                  {"message", XsdType::String}};
inline constexpr WireParameter kConnectionErrorParameters[] = {
    {"ticket", XsdType::String}, {"hresult", XsdType::String}, {"message", XsdType::String}};
inline constexpr WireParameter kTicketParameter[] = {{"ticket", XsdType::String}};

/// Indexed like the Request and Response variants.
inline constexpr std::array<OperationSpec, 8> kOperations = {{
    {"serverVersion", {}, XsdType::String},
    {"clientVersion", kClientVersionParameters, XsdType::String},
    {"authenticate", kAuthenticateParameters, XsdType::ArrayOfString},
    {"sendRequestXML", kSendRequestXmlParameters, XsdType::String},
    {"receiveResponseXML", kReceiveResponseXmlParameters, XsdType::Int},
    {"connectionError", kConnectionErrorParameters, XsdType::String},
    {"getLastError", kTicketParameter, XsdType::String},
    {"closeConnection", kTicketParameter, XsdType::String},
}};

}  // namespace ml::qbwc::detail
