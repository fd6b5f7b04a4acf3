#include "ml/core/secret.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>

namespace ml::core {
namespace {

std::array<unsigned char, SHA256_DIGEST_LENGTH> digest(std::string_view text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data());
  return out;
}

}  // namespace

bool secret_matches(std::string_view given, std::string_view expected) {
  const auto a = digest(given);
  const auto b = digest(expected);
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0 && !expected.empty();
}

}  // namespace ml::core
