#include <catch2/catch.hpp>

#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

#define ML_EVERY_MESSAGE_TYPE                                                                                      \
  SsOrderChanged, SsShipmentChanged, SsBatchReceived, QbLookupRequested, QbLookupCompleted, PostingRequested,      \
      PostingCompleted, PostingFailed, PostingInDoubt, QbxmlRequest, QbxmlResponse, QbwcSession, AlertRaised

TEMPLATE_TEST_CASE("a message with every field set survives encode, JSON and decode unchanged", "",
                   ML_EVERY_MESSAGE_TYPE) {
  const auto message = full_sample<TestType>();
  const auto envelope = Envelope::parse(message_json(message));
  REQUIRE(envelope.has_value());
  CHECK(envelope->type == TestType::type_name);
  CHECK(envelope->version == TestType::version);
  CHECK(envelope->header == sample_header());
  const auto decoded = decode<TestType>(*envelope);
  REQUIRE(decoded.has_value());
  CHECK(*decoded == message);
}

TEMPLATE_TEST_CASE("a message with every optional field empty survives encode, JSON and decode unchanged", "",
                   ML_EVERY_MESSAGE_TYPE) {
  const auto message = minimal_sample<TestType>();
  const auto envelope = Envelope::parse(message_json(message));
  REQUIRE(envelope.has_value());
  const auto decoded = decode<TestType>(*envelope);
  REQUIRE(decoded.has_value());
  CHECK(*decoded == message);
}

TEMPLATE_TEST_CASE("encoding is stable: a decoded message encodes to the same JSON", "", ML_EVERY_MESSAGE_TYPE) {
  const auto json = message_json(full_sample<TestType>());
  const auto envelope = Envelope::parse(json);
  REQUIRE(envelope.has_value());
  CHECK(envelope->to_json() == json);
}
