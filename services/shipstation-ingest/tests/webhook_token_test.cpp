// The webhook URL's secret is compared without leaking where it differs.
#include <catch2/catch.hpp>

#include "ml/shipstation_ingest/webhook_token.hpp"

using ml::shipstation_ingest::token_matches;

TEST_CASE("the configured token matches itself") {
  CHECK(token_matches("s3cret-token-0123456789", "s3cret-token-0123456789"));
}

TEST_CASE("a token differing in one character does not match") {
  CHECK_FALSE(token_matches("s3cret-token-0123456788", "s3cret-token-0123456789"));
}

TEST_CASE("a prefix or an extension of the token does not match") {
  CHECK_FALSE(token_matches("s3cret-token", "s3cret-token-0123456789"));
  CHECK_FALSE(token_matches("s3cret-token-0123456789x", "s3cret-token-0123456789"));
}

TEST_CASE("an empty configured token matches nothing, not even an empty path segment") {
  CHECK_FALSE(token_matches("", ""));
}
