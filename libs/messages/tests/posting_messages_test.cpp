#include <catch2/catch.hpp>

#include "json_edit.hpp"
#include "samples.hpp"

using namespace ml::messages;
using namespace ml::messages::testing;

TEST_CASE("posting.requested without posting_key is rejected naming the field") {
  const auto error = rejection(without(sample_json<PostingRequested>(), "/payload/posting_key"));
  CHECK(error.pointer == "/payload/posting_key");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("posting.requested with revision as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<PostingRequested>(), "/payload/revision", R"("3")"));
  CHECK(error.pointer == "/payload/revision");
  CHECK(error.problem == "expected integer, got string");
}

TEST_CASE("a posting line's amount given as a JSON number is rejected") {
  const auto error = rejection(with(sample_json<PostingRequested>(), "/payload/transaction/lines/1/amount", "8.0"));
  CHECK(error.pointer == "/payload/transaction/lines/1/amount");
  CHECK(error.problem == "expected string, got number");
}

TEST_CASE("a posting line without an amount is rejected naming the line's field") {
  const auto error = rejection(without(sample_json<PostingRequested>(), "/payload/transaction/lines/0/amount"));
  CHECK(error.pointer == "/payload/transaction/lines/0/amount");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("a RefNumber longer than QuickBooks' 11 characters is rejected") {
  const auto error = rejection(with(sample_json<PostingRequested>(), "/payload/transaction/ref_number",
                                    R"("AMZ-112-5536")"));
  CHECK(error.pointer == "/payload/transaction/ref_number");
  CHECK(error.problem == "is longer than the maximum length 11");
}

TEST_CASE("an add without a transaction is rejected naming the transaction") {
  auto json = with(sample_json<PostingRequested>(), "/payload/action", R"("add")");
  const auto envelope = Envelope::parse(with(json, "/payload/transaction", "null"));
  REQUIRE(envelope.has_value());
  const auto error = decode<PostingRequested>(*envelope).error();
  CHECK(error.pointer == "/payload/transaction");
  CHECK(error.problem == "required when action is add or update");
}

TEST_CASE("a void carries no transaction") {
  const auto request = decode<PostingRequested>(*Envelope::parse(message_json(minimal_sample<PostingRequested>())));
  REQUIRE(request.has_value());
  CHECK(request->action == PostingAction::void_txn);
  CHECK_FALSE(request->transaction.has_value());
}

TEST_CASE("a void that still carries a transaction is rejected naming the transaction") {
  const auto envelope = Envelope::parse(with(sample_json<PostingRequested>(), "/payload/action", R"("void")"));
  REQUIRE(envelope.has_value());
  const auto error = decode<PostingRequested>(*envelope).error();
  CHECK(error.pointer == "/payload/transaction");
  CHECK(error.problem == "must be null when action is void");
}

TEST_CASE("posting.requested's action travels as the word void") {
  CHECK_THAT(message_json(minimal_sample<PostingRequested>()), Catch::Contains(R"("action":"void")"));
}

TEST_CASE("posting.completed without txn_id is rejected naming the field") {
  const auto error = rejection(without(sample_json<PostingCompleted>(), "/payload/txn_id"));
  CHECK(error.pointer == "/payload/txn_id");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("posting.completed with outcome as a number is rejected naming the field") {
  const auto error = rejection(with(sample_json<PostingCompleted>(), "/payload/outcome", "0"));
  CHECK(error.pointer == "/payload/outcome");
  CHECK(error.problem == "expected string, got integer");
}

TEST_CASE("posting.failed without disposition is rejected naming the field") {
  const auto error = rejection(without(sample_json<PostingFailed>(), "/payload/disposition"));
  CHECK(error.pointer == "/payload/disposition");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("posting.failed with status_code as a string is rejected naming the field") {
  const auto error = rejection(with(sample_json<PostingFailed>(), "/payload/status_code", R"("3140")"));
  CHECK(error.pointer == "/payload/status_code");
  CHECK(error.problem == "expected integer or null, got string");
}

TEST_CASE("posting.in_doubt without request_id is rejected naming the field") {
  const auto error = rejection(without(sample_json<PostingInDoubt>(), "/payload/request_id"));
  CHECK(error.pointer == "/payload/request_id");
  CHECK(error.problem == "required property missing");
}

TEST_CASE("posting.in_doubt with reason as an object is rejected naming the field") {
  const auto error = rejection(with(sample_json<PostingInDoubt>(), "/payload/reason", R"({"text":"lost"})"));
  CHECK(error.pointer == "/payload/reason");
  CHECK(error.problem == "expected string, got object");
}
