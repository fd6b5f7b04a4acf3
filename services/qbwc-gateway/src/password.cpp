#include "ml/qbwc_gateway/password.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <stdexcept>

namespace ml::qbwc_gateway {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string to_hex(const std::vector<unsigned char>& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

std::expected<std::vector<unsigned char>, std::string> from_hex(std::string_view text, std::string_view what) {
  if (text.empty() || text.size() % 2 != 0) return std::unexpected(std::string(what) + " must be an even number of hex digits");
  std::vector<unsigned char> out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data() + i, text.data() + i + 2, value, 16);
    if (ec != std::errc() || end != text.data() + i + 2) return std::unexpected(std::string(what) + " is not hexadecimal");
    out.push_back(static_cast<unsigned char>(value));
  }
  return out;
}

std::vector<unsigned char> derive(std::string_view password, const std::vector<unsigned char>& salt,
                                  std::uint32_t iterations, std::size_t length) {
  std::vector<unsigned char> out(length);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        static_cast<int>(iterations), EVP_sha256(), static_cast<int>(length), out.data()) != 1)
    throw std::runtime_error("PKCS5_PBKDF2_HMAC failed");
  return out;
}

}  // namespace

std::expected<PasswordHash, std::string> PasswordHash::parse(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto dollar = text.find('$', start);
    parts.push_back(text.substr(start, dollar == std::string_view::npos ? std::string_view::npos : dollar - start));
    if (dollar == std::string_view::npos) break;
    start = dollar + 1;
  }
  if (parts.size() != 4 || parts[0] != kScheme)
    return std::unexpected("expected pbkdf2-sha256$iterations$salt-hex$hash-hex");
  PasswordHash hash;
  auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), hash.iterations);
  if (ec != std::errc() || end != parts[1].data() + parts[1].size() || hash.iterations == 0 ||
      hash.iterations > 100'000'000)
    return std::unexpected("iterations must be a whole number from 1 to 100000000");
  auto salt = from_hex(parts[2], "salt");
  if (!salt) return std::unexpected(salt.error());
  auto digest = from_hex(parts[3], "hash");
  if (!digest) return std::unexpected(digest.error());
  hash.salt = std::move(*salt);
  hash.hash = std::move(*digest);
  return hash;
}

std::string PasswordHash::to_string() const {
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + to_hex(salt) + "$" + to_hex(hash);
}

PasswordHash hash_password(std::string_view password, std::uint32_t iterations) {
  PasswordHash result;
  result.iterations = iterations;
  result.salt.resize(kSaltBytes);
  if (RAND_bytes(result.salt.data(), static_cast<int>(kSaltBytes)) != 1) throw std::runtime_error("RAND_bytes failed");
  result.hash = derive(password, result.salt, iterations, kHashBytes);
  return result;
}

bool verify_password(std::string_view password, const PasswordHash& stored) {
  if (stored.hash.empty()) return false;
  const auto computed = derive(password, stored.salt, stored.iterations, stored.hash.size());
  return CRYPTO_memcmp(computed.data(), stored.hash.data(), computed.size()) == 0;
}

LoginThrottle::LoginThrottle(std::size_t max_failures, std::chrono::seconds window)
    : max_failures_(max_failures), window_(window) {}

void LoginThrottle::forget_old(std::deque<core::TimePoint>& failures, core::TimePoint now) const {
  while (!failures.empty() && failures.front() + window_ <= now) failures.pop_front();
}

bool LoginThrottle::allows(const std::string& user, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(user);
  if (it == failures_.end()) return true;
  forget_old(it->second, now);
  return it->second.size() < max_failures_;
}

void LoginThrottle::record_failure(const std::string& user, core::TimePoint now) {
  std::lock_guard lock(mutex_);
  auto& failures = failures_[user];
  forget_old(failures, now);
  failures.push_back(now);
}

void LoginThrottle::record_success(const std::string& user) {
  std::lock_guard lock(mutex_);
  failures_.erase(user);
}

}  // namespace ml::qbwc_gateway
