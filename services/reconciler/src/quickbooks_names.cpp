#include "ml/reconciler/quickbooks_names.hpp"

#include <cctype>
#include <cstdint>

namespace ml::reconciler {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes one UTF-8 sequence at `at`; returns the code point and advances, or an error.
std::expected<char32_t, std::string> next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || at + length > text.size())
    return std::unexpected("invalid UTF-8 at byte " + std::to_string(at));
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return std::unexpected("invalid UTF-8 at byte " + std::to_string(at + i));
    c = (c << 6) | (next & 0x3F);
  }
  at += length;
  return c;
}

char32_t lower_latin1(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  return c;
}

std::expected<std::string, std::string> stored(std::string_view utf8, bool fold_case) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t at = 0; at < utf8.size();) {
    auto c = next_code_point(utf8, at);
    if (!c) return std::unexpected(c.error());
    char32_t kept = *c <= 0xFF ? *c : U'?';
    append_utf8(out, fold_case ? lower_latin1(kept) : kept);
  }
  return out;
}

}  // namespace

std::expected<std::string, std::string> quickbooks_stored_text(std::string_view utf8) { return stored(utf8, false); }

std::expected<std::string, std::string> name_key(std::string_view utf8) { return stored(utf8, true); }

std::string email_key(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
  std::string out(email);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace ml::reconciler
