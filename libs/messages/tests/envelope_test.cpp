#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("a message of an unknown type is rejected naming the type") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/type", R"("alert.cleared")"));
  CHECK(error.kind == MessageError::Kind::unknown_type);
  CHECK(error.pointer == "/type");
  CHECK(error.problem == "unknown message type \"alert.cleared\"");
}

TEST_CASE("a known type at a version without a schema is rejected naming the version") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/version", "2"));
  CHECK(error.kind == MessageError::Kind::unknown_type);
  CHECK(error.pointer == "/version");
  CHECK(error.problem == "no schema for alert.raised version 2");
}

TEST_CASE("malformed JSON is rejected with the byte offset and the reason") {
  const auto error = rejection(R"({"id": "5d7f3c1e-8a2b-4c6d-9e0f-123456789abc" "type": "alert.raised"})");
  CHECK(error.kind == MessageError::Kind::malformed_json);
  REQUIRE(error.offset.has_value());
  CHECK(*error.offset == 46);
  CHECK(error.problem == "malformed JSON at offset 46: Missing a comma or '}' after an object member.");
}

TEST_CASE("JSON nested hundreds of thousands of levels deep is refused before it is parsed") {
  const auto error = rejection(std::string(300'000, '[') + std::string(300'000, ']'));
  CHECK(error.kind == MessageError::Kind::malformed_json);
  CHECK(error.problem == "arrays and objects nested more than 64 levels deep");
}

TEST_CASE("brackets inside strings do not count as nesting") {
  const std::string brackets(200, '[');
  CHECK(Envelope::parse(with(sample_json<AlertRaised>(), "/payload/message", "\"" + brackets + "\"")));
}

TEST_CASE("text after the message is rejected as malformed JSON") {
  const auto error = rejection(sample_json<AlertRaised>() + " {}");
  CHECK(error.kind == MessageError::Kind::malformed_json);
}

TEST_CASE("an envelope without correlation_id is rejected naming the field") {
  const auto error = rejection(without(sample_json<AlertRaised>(), "/correlation_id"));
  CHECK(error.pointer == "/correlation_id");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("an envelope whose version is a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/version", R"("1")"));
  CHECK(error.pointer == "/version");
  CHECK(error.problem == "expected integer, got string");
}

TEST_CASE("a message id that is not a UUID is rejected") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/id", R"("order-100234")"));
  CHECK(error.pointer == "/id");
  CHECK_THAT(error.problem, Catch::StartsWith("does not match pattern"));
}

TEST_CASE("occurred_at with an offset instead of Z is rejected") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/occurred_at", R"("2026-11-26T07:04:05-08:00")"));
  CHECK(error.pointer == "/occurred_at");
  CHECK_THAT(error.problem, Catch::StartsWith("does not match pattern"));
}

TEST_CASE("occurred_at on a day that does not exist is rejected as an invalid value") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/occurred_at", R"("2026-02-30T15:04:05.123Z")"));
  CHECK(error.kind == MessageError::Kind::invalid_value);
  CHECK(error.pointer == "/occurred_at");
}

TEST_CASE("a message without a cause has a null causation_id") {
  auto header = sample_header();
  header.causation_id.reset();
  const auto json = encode(full_sample<AlertRaised>(), header).to_json();
  CHECK_THAT(json, Catch::Contains(R"("causation_id":null)"));
  const auto envelope = Envelope::parse(json);
  REQUIRE(envelope.has_value());
  CHECK_FALSE(envelope->header.causation_id.has_value());
}

TEST_CASE("a payload that is not an object is rejected naming the payload") {
  const auto error = rejection(with(sample_json<AlertRaised>(), "/payload", "[]"));
  CHECK(error.pointer == "/payload");
  CHECK(error.problem == "expected object, got array");
}

TEST_CASE("properties a reader does not know are ignored, so optional fields can be added later") {
  auto json = with(sample_json<PostingCompleted>(), "/payload/txn_number", "42");
  json = with(json, "/tenant", R"("acme")");
  const auto completed = decode<PostingCompleted>(*Envelope::parse(json));
  REQUIRE(completed.has_value());
  CHECK(*completed == full_sample<PostingCompleted>());
}

TEST_CASE("decoding a message as another type reports the type it carries") {
  const auto envelope = Envelope::parse(sample_json<AlertRaised>());
  REQUIRE(envelope.has_value());
  const auto posting = decode<PostingRequested>(*envelope);
  REQUIRE_FALSE(posting.has_value());
  CHECK(posting.error().kind == MessageError::Kind::wrong_type);
  CHECK(posting.error().to_string() == "/type: expected posting.requested v1, got alert.raised v1");
}

TEST_CASE("a hand-built envelope with a bad payload is caught when decoding it") {
  auto envelope = encode(full_sample<PostingFailed>(), sample_header());
  envelope.payload.text = with(envelope.payload.text, "/status_message", "17");
  const auto failed = decode<PostingFailed>(envelope);
  REQUIRE_FALSE(failed.has_value());
  CHECK(failed.error().to_string() == "/payload/status_message: expected string, got integer");
}

TEST_CASE("the routing key of a message is its type") {
  CHECK(encode(full_sample<PostingRequested>(), sample_header()).type == "posting.requested");
}
