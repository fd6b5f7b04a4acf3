#include "latin1.hpp"

#include <array>
#include <cstdint>

#include "ml/qbxml/text.hpp"

namespace ml::qbxml {
namespace detail {
namespace {

// U+0100..U+017F, one ASCII letter each, except the four ligatures handled in latin_extended_a.
constexpr std::string_view kExtendedA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi"  // U+0100..U+0131
    "__JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo__RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

std::string_view latin_extended_a(char32_t c) {
  switch (c) {
    case 0x132: return "IJ";
    case 0x133: return "ij";
    case 0x152: return "OE";
    case 0x153: return "oe";
    default: return kExtendedA.substr(c - 0x100, 1);
  }
}

// The replacement for a code point above U+00FF: an ASCII string, possibly empty (dropped).
std::string_view replacement(char32_t c) {
  if (c >= 0x100 && c <= 0x17F) return latin_extended_a(c);
  switch (c) {
    case 0x192: return "f";
    case 0x218: return "S";
    case 0x219: return "s";
    case 0x21A: return "T";
    case 0x21B: return "t";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    case 0x2026: return "...";
    case 0x2022: return "*";
    case 0x20AC: return "EUR";
    case 0x2122: return "TM";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return "";
    default: break;
  }
  if (c >= 0x2000 && c <= 0x200A) return " ";
  if (c == 0x202F || c == 0x205F || c == 0x3000) return " ";
  if (c >= 0x300 && c <= 0x36F) return "";  // combining accents: keep the base letter
  return "?";
}

bool allowed_control(char32_t c) { return c == '\t' || c == '\n' || c == '\r'; }

struct Decoded {
  char32_t code_point;
  std::size_t length;
};

std::expected<Decoded, std::string> decode(std::string_view s, std::size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return Decoded{lead, 1};
  std::size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (lead >= 0xF5 || length == 0 || i + length > s.size())
    return std::unexpected("invalid UTF-8 at byte " + std::to_string(i + 1));
  char32_t c = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return std::unexpected("invalid UTF-8 at byte " + std::to_string(i + k + 1));
    c = (c << 6) | (b & 0x3F);
  }
  constexpr std::array<char32_t, 5> kMinimum{0, 0, 0x80, 0x800, 0x10000};
  if (c < kMinimum[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return std::unexpected("invalid UTF-8 at byte " + std::to_string(i + 1));
  return Decoded{c, length};
}

}  // namespace

std::expected<std::string, std::string> to_latin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    auto decoded = decode(utf8, i);
    if (!decoded) return std::unexpected(decoded.error());
    char32_t c = decoded->code_point;
    i += decoded->length;
    bool control = (c < 0x20 && !allowed_control(c)) || (c >= 0x7F && c < 0xA0);
    if (control)
      out += '?';
    else if (c <= 0xFF)
      out += static_cast<char>(c);
    else
      out += replacement(c);
  }
  return out;
}

std::string latin1_to_utf8(std::string_view latin1) {
  std::string out;
  out.reserve(latin1.size());
  for (char ch : latin1) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

void append_xml_escaped(std::string& out, std::string_view latin1) {
  for (char ch : latin1) {
    auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;  // a literal CR would be normalised away by XML parsers
      default:
        if (c < 0x80) {
          out += ch;
        } else {
          out += "&#";
          out += std::to_string(c);
          out += ';';
        }
    }
  }
}

}  // namespace detail

std::expected<std::string, std::string> qb_text(std::string_view utf8) {
  auto latin1 = detail::to_latin1(utf8);
  if (!latin1) return std::unexpected(latin1.error());
  return detail::latin1_to_utf8(*latin1);
}

}  // namespace ml::qbxml
