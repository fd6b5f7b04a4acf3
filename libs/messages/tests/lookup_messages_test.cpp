#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("qb.lookup.requested without keys is rejected naming the field") {
  const auto error = rejection(without(sample_json<QbLookupRequested>(), "/payload/keys"));
  CHECK(error.pointer == "/payload/keys");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qb.lookup.requested with kind as a number is rejected naming the field") {
  const auto error = rejection(with(sample_json<QbLookupRequested>(), "/payload/kind", "1"));
  CHECK(error.pointer == "/payload/kind");
  CHECK(error.problem == "expected string, got integer");
}

TEST_CASE("qb.lookup.requested with no keys at all is rejected") {
  const auto error = rejection(with(sample_json<QbLookupRequested>(), "/payload/keys", "[]"));
  CHECK(error.pointer == "/payload/keys");
  CHECK(error.problem == "has fewer items than the minimum 1");
}

TEST_CASE("qb.lookup.completed without missing is rejected naming the field") {
  const auto error = rejection(without(sample_json<QbLookupCompleted>(), "/payload/missing"));
  CHECK(error.pointer == "/payload/missing");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qb.lookup.completed with a customer lacking its ListID is rejected naming the customer's field") {
  const auto error = rejection(without(sample_json<QbLookupCompleted>(), "/payload/customers/0/list_id"));
  CHECK(error.pointer == "/payload/customers/0/list_id");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("qb.lookup.completed with QuantityOnHand as a JSON number is rejected") {
  const auto error = rejection(with(sample_json<QbLookupCompleted>(), "/payload/items/0/quantity_on_hand", "-281"));
  CHECK(error.pointer == "/payload/items/0/quantity_on_hand");
  CHECK(error.problem == "expected string or null, got integer");
}
