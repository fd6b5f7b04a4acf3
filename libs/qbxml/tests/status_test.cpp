#include <catch2/catch.hpp>

#include "ml/qbxml/status.hpp"

using namespace ml::qbxml;

TEST_CASE("the status policy maps each code to one outcome") {
  struct Row {
    int code;
    Severity severity;
    Outcome outcome;
  };
  const Row table[] = {
      {0, Severity::info, Outcome::ok},
      {1, Severity::info, Outcome::no_match},
      {500, Severity::warn, Outcome::partial},
      {530, Severity::warn, Outcome::warning},
      {3100, Severity::error, Outcome::final_error},
      {3120, Severity::error, Outcome::final_error},
      {3140, Severity::error, Outcome::final_error},
      {3170, Severity::error, Outcome::transient},
      {3175, Severity::error, Outcome::transient},
      {3176, Severity::error, Outcome::transient},
      {3200, Severity::error, Outcome::edit_sequence_stale},
      {3231, Severity::error, Outcome::not_processed},
      {3210, Severity::error, Outcome::final_error},
      {1000, Severity::error, Outcome::final_error},
      {9999, Severity::error, Outcome::final_error},
      {42, Severity::info, Outcome::ok},
  };
  for (const Row& row : table) {
    INFO("statusCode " << row.code);
    CHECK(to_string(classify(Status{row.code, row.severity, "message"}).outcome) == std::string(to_string(row.outcome)));
  }
}

TEST_CASE("no match is an empty result, not an error") {
  Verdict v = classify(Status{1, Severity::info, "A query request did not find a matching object in QuickBooks"});
  CHECK(v.outcome == Outcome::no_match);
}

TEST_CASE("final errors carry a reason with QuickBooks' own message") {
  Verdict v = classify(Status{3140, Severity::error, "There is an invalid reference to QuickBooks Customer \"x\"."});
  CHECK(v.outcome == Outcome::final_error);
  CHECK(v.reason ==
        "a referenced customer, item or account does not exist in QuickBooks; create it first "
        "(QuickBooks 3140: There is an invalid reference to QuickBooks Customer \"x\".)");
}

TEST_CASE("a stale EditSequence is reported as EditSequenceStale") {
  CHECK(classify(Status{3200, Severity::error, "The provided edit sequence \"1416315972\" is out-of-date. "}).outcome ==
        Outcome::edit_sequence_stale);
}

TEST_CASE("a 3180 save error because a record is locked is transient") {
  const Verdict v = classify(Status{3180, Severity::error,
                                    "There was an error when saving a Invoice.  QuickBooks error message: The record "
                                    "failed to acquire the lock because it is in use by another user."});
  CHECK(v.outcome == Outcome::transient);
}

TEST_CASE("a 3180 save error of an unbalanced journal entry is final") {
  const Verdict v = classify(Status{3180, Severity::error,
                                    "There was an error when saving a Journal Entry transaction.  QuickBooks error "
                                    "message: The transaction is not in balance.  Make sure the amounts in the detail "
                                    "area on the debit side equal the amounts on the credit side."});
  CHECK(v.outcome == Outcome::final_error);
  CHECK(v.reason.find("not in balance") != std::string::npos);
}
