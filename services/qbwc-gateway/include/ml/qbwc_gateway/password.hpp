#pragma once
/// The QBWC user's password, stored as "pbkdf2-sha256$iterations$salt-hex$hash-hex", and the
/// throttle that stops password guessing.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <expected>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/clock.hpp"

namespace ml::qbwc_gateway {

/// A parsed PBKDF2-HMAC-SHA256 password hash.
struct PasswordHash {
  std::uint32_t iterations = 0;
  std::vector<unsigned char> salt;
  std::vector<unsigned char> hash;

  /// Parses "pbkdf2-sha256$600000$<salt hex>$<hash hex>"; the error says which part is wrong.
  static std::expected<PasswordHash, std::string> parse(std::string_view text);
  /// The same text form.
  std::string to_string() const;
};

inline constexpr std::uint32_t kDefaultIterations = 600'000;

/// Hashes `password` with a fresh random 16-byte salt.
PasswordHash hash_password(std::string_view password, std::uint32_t iterations = kDefaultIterations);
/// Recomputes the hash with the stored salt and iterations; compares in constant time.
bool verify_password(std::string_view password, const PasswordHash& stored);

/// Counts failed logins per user name: after `max_failures` within `window`, further attempts are
/// refused without checking the password until the oldest failure leaves the window.
class LoginThrottle {
 public:
  LoginThrottle(std::size_t max_failures, std::chrono::seconds window);
  /// True when this user may try now.
  bool allows(const std::string& user, core::TimePoint now);
  void record_failure(const std::string& user, core::TimePoint now);
  /// A successful login forgets the user's failures.
  void record_success(const std::string& user);

 private:
  void forget_old(std::deque<core::TimePoint>& failures, core::TimePoint now) const;

  std::size_t max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<core::TimePoint>> failures_;
};

}  // namespace ml::qbwc_gateway
