#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("qbxml.request without request_xml is rejected naming the field") {
  const auto error = rejection(without(sample_json<QbxmlRequest>(), "/payload/request_xml"));
  CHECK(error.pointer == "/payload/request_xml");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qbxml.request with priority as a word is rejected naming the field") {
  const auto error = rejection(with(sample_json<QbxmlRequest>(), "/payload/priority", R"("high")"));
  CHECK(error.pointer == "/payload/priority");
  CHECK(error.problem == "expected integer, got string");
}

TEST_CASE("qbxml.request with a priority above 9 is rejected") {
  const auto error = rejection(with(sample_json<QbxmlRequest>(), "/payload/priority", "10"));
  CHECK(error.pointer == "/payload/priority");
  CHECK(error.problem == "is greater than the maximum 9");
}

TEST_CASE("qbxml.response without outcome is rejected naming the field") {
  const auto error = rejection(without(sample_json<QbxmlResponse>(), "/payload/outcome"));
  CHECK(error.pointer == "/payload/outcome");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qbxml.response with iterator_remaining_count as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<QbxmlResponse>(), "/payload/iterator_remaining_count", R"("18")"));
  CHECK(error.pointer == "/payload/iterator_remaining_count");
  CHECK(error.problem == "expected integer or null, got string");
}

TEST_CASE("qbxml.response accepts QuickBooks' severities only as QuickBooks spells them") {
  const auto error = rejection(with(sample_json<QbxmlResponse>(), "/payload/status_severity", R"("info")"));
  CHECK(error.pointer == "/payload/status_severity");
  CHECK_THAT(error.problem, Catch::StartsWith("is not one of \"Info\", \"Warn\", \"Error\""));
}

TEST_CASE("qbwc.session without ticket is rejected naming the field") {
  const auto error = rejection(without(sample_json<QbwcSession>(), "/payload/ticket"));
  CHECK(error.pointer == "/payload/ticket");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qbwc.session with requests_sent as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<QbwcSession>(), "/payload/requests_sent", R"("12")"));
  CHECK(error.pointer == "/payload/requests_sent");
  CHECK(error.problem == "expected integer, got string");
}
