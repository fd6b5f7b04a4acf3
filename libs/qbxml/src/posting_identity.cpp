#include "ml/qbxml/posting_identity.hpp"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <stdexcept>
#include <vector>

namespace ml::qbxml {
namespace {

std::vector<unsigned char> digest(const EVP_MD* md, std::string_view prefix, std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok = ctx && EVP_DigestInit_ex(ctx, md, nullptr) == 1 &&
                  EVP_DigestUpdate(ctx, prefix.data(), prefix.size()) == 1 &&
                  EVP_DigestUpdate(ctx, text.data(), text.size()) == 1 && EVP_DigestFinal_ex(ctx, out.data(), &size) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("OpenSSL digest failed");
  return {out.begin(), out.begin() + size};
}

// Crockford's alphabet: no I, L, O, U, so a short form is easy to read aloud and type.
constexpr std::string_view kBase32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The namespace of ml-connector postings (a fixed random UUID, as bytes).
constexpr std::array<unsigned char, 16> kPostingNamespace{0x6f, 0x1d, 0x2c, 0x8e, 0x4b, 0x3a, 0x4f, 0x0d,
                                                          0x9a, 0x57, 0x2e, 0x61, 0xc3, 0x84, 0x10, 0xb9};

}  // namespace

std::string ref_number_for(std::string_view posting_key) {
  if (posting_key.size() <= kRefNumberLength && !posting_key.starts_with(kShortRefMarker))
    return std::string(posting_key);
  const auto hash = digest(EVP_sha256(), {}, posting_key);
  std::string out(1, kShortRefMarker);
  unsigned bits = 0, buffer = 0;
  for (std::size_t i = 0; out.size() < kRefNumberLength; ++i) {
    buffer = (buffer << 8) | hash[i];
    bits += 8;
    while (bits >= 5 && out.size() < kRefNumberLength) {
      out += kBase32[(buffer >> (bits - 5)) & 0x1f];
      bits -= 5;
    }
  }
  return out;
}

std::string external_guid_for(std::string_view posting_key) {
  const std::string_view ns(reinterpret_cast<const char*>(kPostingNamespace.data()), kPostingNamespace.size());
  auto bytes = digest(EVP_sha1(), ns, posting_key);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x50);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
  constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out = "{";
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 0x0f];
  }
  return out + "}";
}

std::string normalized_guid(std::string_view guid) {
  if (guid.starts_with('{')) guid.remove_prefix(1);
  if (guid.ends_with('}')) guid.remove_suffix(1);
  std::string out = "{";
  for (char c : guid) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out + "}";
}

}  // namespace ml::qbxml
