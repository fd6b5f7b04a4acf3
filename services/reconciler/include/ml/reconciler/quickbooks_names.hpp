#pragma once
/// Names compared the way QuickBooks Desktop holds them: ISO-8859-1 text in which every other
/// character was stored as '?', and names unique regardless of letter case.
#include <expected>
#include <string>
#include <string_view>

namespace ml::reconciler {

/// What QuickBooks stores for `utf8`, as UTF-8: characters of ISO-8859-1 (U+0000–U+00FF) are
/// kept, every other character becomes '?' (no transliteration: "Łódź" → "?ód?"). Fails on
/// invalid UTF-8, saying at which byte.
std::expected<std::string, std::string> quickbooks_stored_text(std::string_view utf8);

/// The key two names are equal under: the stored text with ASCII and Latin-1 capitals made
/// lower-case ("ÉMILE Zola" and "émile zola" share a key; "Emile" does not).
std::expected<std::string, std::string> name_key(std::string_view utf8);

/// An e-mail address compared without regard to ASCII letter case; surrounding spaces dropped.
std::string email_key(std::string_view email);

}  // namespace ml::reconciler
