#pragma once
/// How a posting is recognised inside QuickBooks, derived from its posting key alone so that it
/// survives the loss of our own data: RefNumber, ExternalGUID, and where the full key is kept.
#include <optional>
#include <string>
#include <string_view>

namespace ml::qbxml {

/// First character of a shortened RefNumber; a key starting with it is always shortened, so a
/// short form can never equal a key used as-is.
inline constexpr char kShortRefMarker = '~';
inline constexpr std::size_t kRefNumberLength = 11;
inline constexpr std::size_t kPoNumberLength = 25;

/// The key itself when it has at most 11 characters (and does not start with the marker), else
/// the marker followed by 10 base-32 characters of the key's SHA-256 (50 bits).
std::string ref_number_for(std::string_view posting_key);

/// A name-based UUID (version 5 layout, SHA-1 over a fixed namespace and the key) in QuickBooks'
/// form "{XXXXXXXX-XXXX-5XXX-XXXX-XXXXXXXXXXXX}".
std::string external_guid_for(std::string_view posting_key);

/// "{...}" upper-case form of a UUID given with or without braces, for comparing GUIDs.
std::string normalized_guid(std::string_view guid);

}  // namespace ml::qbxml
