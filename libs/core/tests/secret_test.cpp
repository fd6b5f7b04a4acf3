#include <catch2/catch.hpp>

#include "ml/core/secret.hpp"

using ml::core::secret_matches;

TEST_CASE("a secret matches only itself") {
  CHECK(secret_matches("s3cret-token", "s3cret-token"));
  CHECK_FALSE(secret_matches("s3cret-tokeN", "s3cret-token"));
  CHECK_FALSE(secret_matches("s3cret", "s3cret-token"));
  CHECK_FALSE(secret_matches("s3cret-token-and-more", "s3cret-token"));
}

TEST_CASE("an empty configured secret matches nothing, not even an empty one") {
  CHECK_FALSE(secret_matches("", ""));
  CHECK_FALSE(secret_matches("anything", ""));
}
