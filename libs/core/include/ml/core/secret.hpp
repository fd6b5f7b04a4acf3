#pragma once
/// Comparing a secret someone presented with the configured one.
#include <string_view>

namespace ml::core {

/// True when `given` equals `expected` and `expected` is not empty. Both are hashed (SHA-256)
/// and the digests compared in constant time, so neither the position of the first difference
/// nor the length leaks.
bool secret_matches(std::string_view given, std::string_view expected);

}  // namespace ml::core
