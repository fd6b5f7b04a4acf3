#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("alert.raised without message is rejected naming the field") {
  const auto error = rejection(without(sample_json<AlertRaised>(), "/payload/message"));
  CHECK(error.pointer == "/payload/message");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("alert.raised with detail as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/payload/detail", R"("customer not found")"));
  CHECK(error.pointer == "/payload/detail");
  CHECK(error.problem == "expected object, got string");
}

TEST_CASE("a new alert kind needs no new version, but it must be a snake_case word") {
  const auto json = sample_json<AlertRaised>();
  CHECK(Envelope::parse(with(json, "/payload/kind", R"("qbwc_not_polling")")).has_value());
  const auto error = rejection(with(json, "/payload/kind", R"("Unknown Customer")"));
  CHECK(error.pointer == "/payload/kind");
  CHECK_THAT(error.problem, Catch::StartsWith("does not match pattern"));
}

TEST_CASE("an alert's detail object arrives as the producer wrote it") {
  const auto alert = decode<AlertRaised>(*Envelope::parse(sample_json<AlertRaised>()));
  REQUIRE(alert.has_value());
  CHECK(alert->detail.text == R"({"email":"headhoncho@whitehouse.gov","name":"The President","tried":["email","name"]})");
}
