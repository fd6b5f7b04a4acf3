#pragma once
// Conversion of UTF-8 input to the ISO-8859-1 text QuickBooks stores, and its XML escaping.
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbxml::detail {

// One byte per character, each byte an ISO-8859-1 code point (see ml::qbxml::qb_text for the rule).
std::expected<std::string, std::string> to_latin1(std::string_view utf8);

std::string latin1_to_utf8(std::string_view latin1);

// Appends ASCII only: & < > " escaped, bytes >= 0x80 as &#NNN;.
void append_xml_escaped(std::string& out, std::string_view latin1);

}  // namespace ml::qbxml::detail
