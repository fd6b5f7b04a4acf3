#pragma once
// UTF-8 decoding and XML 1.0 escaping shared by every writer in this library.
#include <cstddef>
#include <string>
#include <string_view>

namespace ml::qbwc::detail {

/// One decoded UTF-8 character; `length` is 0 when the bytes at the position are not valid UTF-8
/// (overlong forms, surrogates and values above U+10FFFF are invalid).
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 0;
};

Utf8Char decode_utf8(std::string_view text, std::size_t pos);

/// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
bool is_xml_char(char32_t c);

/// True when `text` is valid UTF-8 made only of XML 1.0 characters.
bool is_xml_safe(std::string_view text);

/// Appends `text` as element content: & < > escaped, CR as &#13; so it survives parsing,
/// anything XML cannot carry as U+FFFD.
void append_escaped_text(std::string& out, std::string_view text);

/// Like append_escaped_text, for a double-quoted attribute value (also escapes " tab LF).
void append_escaped_attribute(std::string& out, std::string_view text);

}  // namespace ml::qbwc::detail
