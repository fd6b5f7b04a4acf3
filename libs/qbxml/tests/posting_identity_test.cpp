#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "ml/core/ids.hpp"
#include "ml/qbxml/posting_identity.hpp"

using namespace ml::qbxml;

TEST_CASE("an order number of at most 11 characters is its own RefNumber") {
  CHECK(ref_number_for("100234") == "100234");
  CHECK(ref_number_for("12345678901") == "12345678901");
  CHECK(ref_number_for("7:100234") == "7:100234");
}

TEST_CASE("a longer order number gets a marked 11-character short form that is stable") {
  const auto ref = ref_number_for("AMZ-113-4567890-1234567");
  CHECK(ref.size() == 11);
  CHECK(ref.front() == kShortRefMarker);
  CHECK(ref == ref_number_for("AMZ-113-4567890-1234567"));
}

TEST_CASE("a short key starting with the marker is shortened too, so it cannot equal a short form") {
  CHECK(ref_number_for("~ABC") != "~ABC");
  CHECK(ref_number_for("~ABC").size() == 11);
}

TEST_CASE("short forms of many long order numbers do not collide") {
  std::set<std::string> refs;
  const int count = 50000;
  for (int i = 0; i < count; ++i) refs.insert(ref_number_for("AMZ-113-" + std::to_string(4000000 + i) + "-1234567"));
  for (int i = 0; i < count; ++i) refs.insert(ref_number_for("shopify-order-" + std::to_string(i)));
  CHECK(refs.size() == 2 * count);
}

TEST_CASE("the ExternalGUID is a braced version-5 UUID derived from the key alone") {
  const auto guid = external_guid_for("100234");
  REQUIRE(guid.size() == 38);
  CHECK(guid.front() == '{');
  CHECK(guid.back() == '}');
  CHECK(ml::core::is_uuid(guid.substr(1, 36)));
  CHECK(guid[15] == '5');
  CHECK(guid == external_guid_for("100234"));
  CHECK(guid != external_guid_for("100235"));
}

TEST_CASE("GUIDs compare equal with or without braces and in either case") {
  CHECK(normalized_guid("6f1d2c8e-4b3a-4f0d-9a57-2e61c38410b9") == normalized_guid("{6F1D2C8E-4B3A-4F0D-9A57-2E61C38410B9}"));
}
