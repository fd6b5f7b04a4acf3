#include "markup_guard.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "xml_escape.hpp"

namespace ml::qbwc::detail {
namespace {

constexpr std::size_t kLongestReference = 10;  // "#x10FFFF" fits; anything longer is refused

std::string code_point_name(char32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(value));
  return buffer;
}

std::optional<char32_t> character_reference(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  char32_t value = 0;
  for (char d : digits) {
    int digit = -1;
    if (d >= '0' && d <= '9') digit = d - '0';
    if (base == 16 && d >= 'a' && d <= 'f') digit = d - 'a' + 10;
    if (base == 16 && d >= 'A' && d <= 'F') digit = d - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * base + digit;
    if (value > 0x10FFFF) return std::nullopt;
  }
  return value;
}

bool is_valid_reference(std::string_view name) {
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return true;
  std::optional<char32_t> value;
  if (name.starts_with("#x")) {
    value = character_reference(name.substr(2), 16);
  } else if (name.starts_with("#")) {
    value = character_reference(name.substr(1), 10);
  }
  return value && is_xml_char(*value);
}

class Scanner {
 public:
  Scanner(std::string_view xml, int max_depth) : xml_(xml), max_depth_(max_depth) {}

  std::optional<SoapError> run() {
    while (pos_ < xml_.size()) {
      auto problem = xml_[pos_] == '<' ? markup() : content_character();
      if (problem) return problem;
    }
    return std::nullopt;
  }

 private:
  SoapError error(SoapErrorKind kind, std::string message) const {
    return {kind, std::move(message), "line " + std::to_string(line_)};
  }

  std::optional<SoapError> content_character() { return xml_[pos_] == '&' ? reference() : plain_character(); }

  std::optional<SoapError> plain_character() {
    const Utf8Char c = decode_utf8(xml_, pos_);
    if (c.length == 0) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(xml_[pos_]));
      return error(SoapErrorKind::NotWellFormed, std::string("invalid UTF-8 byte ") + byte);
    }
    if (!is_xml_char(c.code_point)) {
      return error(SoapErrorKind::NotWellFormed,
                   "character " + code_point_name(c.code_point) + " is not allowed in XML");
    }
    if (c.code_point == '\n') ++line_;
    pos_ += c.length;
    return std::nullopt;
  }

  std::optional<SoapError> reference() {
    const auto semicolon = xml_.find(';', pos_);
    const auto length = semicolon == std::string_view::npos ? kLongestReference + 1 : semicolon - pos_ - 1;
    const auto name = xml_.substr(pos_ + 1, std::min(length, kLongestReference));
    if (length > kLongestReference || !is_valid_reference(name)) {
      return error(SoapErrorKind::NotWellFormed,
                   "'&" + std::string(name) + "' is not a predefined entity or character reference");
    }
    pos_ = semicolon + 1;
    return std::nullopt;
  }

  std::optional<SoapError> markup() {
    const auto rest = xml_.substr(pos_);
    if (rest.starts_with("<!--")) return skip_section(4, "-->", "comment");
    if (rest.starts_with("<![CDATA[")) return skip_section(9, "]]>", "CDATA section");
    if (rest.starts_with("<!DOCTYPE")) {
      return error(SoapErrorKind::DoctypeNotAllowed,
                   "a DOCTYPE is not accepted (no DTDs or entity declarations)");
    }
    if (rest.starts_with("<!")) {
      return error(SoapErrorKind::DoctypeNotAllowed,
                   "markup declaration '" + std::string(rest.substr(0, 10)) + "' is not accepted");
    }
    if (rest.starts_with("<?")) return skip_section(2, "?>", "processing instruction");
    return tag();
  }

  std::optional<SoapError> skip_section(std::size_t opener, std::string_view closer, std::string_view what) {
    const int start_line = line_;
    const auto end = xml_.find(closer, pos_ + opener);
    if (end == std::string_view::npos) {
      return error(SoapErrorKind::NotWellFormed,
                   "unterminated " + std::string(what) + " starting at line " + std::to_string(start_line));
    }
    pos_ += opener;
    while (pos_ < end) {
      if (auto problem = plain_character()) return problem;
    }
    pos_ = end + closer.size();
    return std::nullopt;
  }

  std::optional<SoapError> tag() {
    const bool end_tag = xml_.substr(pos_).starts_with("</");
    const int start_line = line_;
    char quote = 0;
    char last = 0;
    for (++pos_; pos_ < xml_.size();) {
      const char c = xml_[pos_];
      if (quote == 0 && c == '>') break;
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') last = c;
      auto problem = quote != 0 ? content_character() : plain_character();
      if (problem) return problem;
    }
    if (pos_ >= xml_.size()) {
      return error(SoapErrorKind::NotWellFormed,
                   "unterminated tag starting at line " + std::to_string(start_line));
    }
    ++pos_;
    if (end_tag) {
      --depth_;
    } else if (last != '/' && ++depth_ > max_depth_) {
      return error(SoapErrorKind::TooDeep,
                   "elements are nested more than " + std::to_string(max_depth_) + " levels deep");
    }
    return std::nullopt;
  }

  std::string_view xml_;
  int max_depth_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int depth_ = 0;
};

}  // namespace

std::optional<SoapError> check_markup(std::string_view xml, int max_depth) {
  return Scanner(xml, max_depth).run();
}

}  // namespace ml::qbwc::detail
