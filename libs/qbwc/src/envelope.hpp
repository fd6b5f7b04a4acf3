#pragma once
// The SOAP 1.1 envelope around every answer, laid out like Intuit's ASP.NET service answers.
#include <string_view>

namespace ml::qbwc::detail {

inline constexpr std::string_view kEnvelopeStart =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n"
    "  <soap:Body>\n"
    "    ";

inline constexpr std::string_view kEnvelopeEnd =
    "\n"
    "  </soap:Body>\n"
    "</soap:Envelope>\n";

}  // namespace ml::qbwc::detail
