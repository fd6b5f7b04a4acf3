#pragma once
/// Identifiers: random UUIDs (version 4) for messages, tickets and correlation ids.
#include <string>
#include <string_view>

namespace ml::core {

/// A new random UUID in canonical lower-case form ("1b4e28ba-2fa1-4d2e-883f-0016d3cca427"),
/// from the operating system's CSPRNG.
std::string new_uuid();

/// True for the canonical 8-4-4-4-12 hexadecimal form (any version, either case).
bool is_uuid(std::string_view text);

}  // namespace ml::core
