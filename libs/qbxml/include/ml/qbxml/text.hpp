#pragma once
/// Text as QuickBooks Desktop stores it: ISO-8859-1 only (see docs/qbxml.md, "Text encoding").
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbxml {

/// Maps UTF-8 text to what QuickBooks Desktop will store, returned as UTF-8 again:
/// ISO-8859-1 characters are kept; common Latin letters outside it are transliterated (Ł→L, Œ→OE,
/// Ș→S); typographic quotes, dashes and spaces become their ASCII forms (’→', “→", –→-, …→...);
/// combining accents and zero-width characters are dropped; every other character (東, emoji,
/// control characters) becomes '?'. Fails only on invalid UTF-8, saying at which byte.
/// Use it to compare names the way QuickBooks will see them.
std::expected<std::string, std::string> qb_text(std::string_view utf8);

}  // namespace ml::qbxml
