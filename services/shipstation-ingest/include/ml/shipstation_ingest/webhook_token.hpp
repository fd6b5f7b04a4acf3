#pragma once
/// The secret in the webhook URL (`/webhooks/shipstation/{token}`).
#include <string_view>

namespace ml::shipstation_ingest {

/// True when `given` equals `expected`. Both are hashed (SHA-256) and the digests compared in
/// constant time, so neither the position of the first difference nor the length leaks.
bool token_matches(std::string_view given, std::string_view expected);

}  // namespace ml::shipstation_ingest
