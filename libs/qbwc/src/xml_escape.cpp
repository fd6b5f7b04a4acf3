#include "xml_escape.hpp"

namespace ml::qbwc::detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Lead byte of a 2-, 3- or 4-byte sequence: (lead & mask) == value; the decoded value must be at
// least `minimum`, otherwise the encoding is overlong.
struct MultiByteLead {
  unsigned char mask;
  unsigned char value;
  std::size_t length;
  char32_t minimum;
};
constexpr MultiByteLead kMultiByteLeads[] = {
    {0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}};

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const Utf8Char c = decode_utf8(text, i);
      if (c.length == 0 || !is_xml_char(c.code_point)) {
        out += kReplacement;
        i += c.length == 0 ? 1 : c.length;
      } else {
        out.append(text.substr(i, c.length));
        i += c.length;
      }
      continue;
    }
    switch (byte) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      default:
        if (byte < 0x20) {
          out += kReplacement;
        } else {
          out += static_cast<char>(byte);
        }
    }
    ++i;
  }
}

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  const MultiByteLead* form = nullptr;
  for (const auto& candidate : kMultiByteLeads) {
    if ((lead & candidate.mask) == candidate.value) form = &candidate;
  }
  if (form == nullptr) return {};
  const std::size_t length = form->length;
  char32_t code_point = lead & static_cast<unsigned char>(~form->mask);
  if (pos + length > text.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[pos + k]);
    if (!is_continuation(byte)) return {};
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < form->minimum || code_point > 0x10FFFF || surrogate) return {};
  return {code_point, length};
}

bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

bool is_xml_safe(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (c.length == 0 || !is_xml_char(c.code_point)) return false;
    i += c.length;
  }
  return true;
}

void append_escaped_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_escaped_attribute(std::string& out, std::string_view text) { append_escaped(out, text, true); }

}  // namespace ml::qbwc::detail
