#include <catch2/catch.hpp>

#include "ml/qbwc_gateway/password.hpp"

using namespace ml::qbwc_gateway;
using namespace std::chrono_literals;

TEST_CASE("a password verifies against its own hash and no other password") {
  const auto hash = hash_password("s3cret", 1000);
  CHECK(verify_password("s3cret", hash));
  CHECK_FALSE(verify_password("s3cret ", hash));
  CHECK_FALSE(verify_password("", hash));
}

TEST_CASE("a hash survives its text form") {
  const auto hash = hash_password("s3cret", 1000);
  const auto text = hash.to_string();
  CHECK(text.starts_with("pbkdf2-sha256$1000$"));
  const auto parsed = PasswordHash::parse(text);
  REQUIRE(parsed);
  CHECK(parsed->salt == hash.salt);
  CHECK(verify_password("s3cret", *parsed));
}

TEST_CASE("two hashes of one password differ by their salt") {
  CHECK(hash_password("pw", 1000).to_string() != hash_password("pw", 1000).to_string());
}

TEST_CASE("a known PBKDF2-HMAC-SHA256 vector verifies") {
  // RFC 7914 §11: P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes).
  const auto hash = PasswordHash::parse(
      "pbkdf2-sha256$1$73616c74$55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
  REQUIRE(hash);
  CHECK(verify_password("passwd", *hash));
}

TEST_CASE("a malformed hash text says which part is wrong") {
  CHECK(PasswordHash::parse("sha1$1$00$00").error().find("pbkdf2-sha256$") != std::string::npos);
  CHECK(PasswordHash::parse("pbkdf2-sha256$zero$00$00").error().find("iterations") != std::string::npos);
  CHECK(PasswordHash::parse("pbkdf2-sha256$10$0g$00").error().find("salt") != std::string::npos);
  CHECK(PasswordHash::parse("pbkdf2-sha256$10$00$abc").error().find("hash") != std::string::npos);
}

TEST_CASE("after N failures in the window a user is refused until the oldest failure ages out") {
  LoginThrottle throttle(3, 60s);
  const ml::core::TimePoint t0{};
  for (int i = 0; i < 3; ++i) {
    CHECK(throttle.allows("qb", t0 + std::chrono::seconds(i)));
    throttle.record_failure("qb", t0 + std::chrono::seconds(i));
  }
  CHECK_FALSE(throttle.allows("qb", t0 + 10s));
  CHECK(throttle.allows("other", t0 + 10s));
  CHECK(throttle.allows("qb", t0 + 60s));
}

TEST_CASE("a successful login forgets earlier failures") {
  LoginThrottle throttle(2, 60s);
  const ml::core::TimePoint t0{};
  throttle.record_failure("qb", t0);
  throttle.record_success("qb");
  throttle.record_failure("qb", t0);
  CHECK(throttle.allows("qb", t0));
}
