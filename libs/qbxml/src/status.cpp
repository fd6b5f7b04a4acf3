#include "ml/qbxml/status.hpp"

#include <initializer_list>
#include <string_view>

namespace ml::qbxml {
namespace {

// 3180 is QuickBooks' "error when saving" whatever the cause; only a lock or a record in use is
// worth sending again (reference §3.5 and §6 row 8: retried "for those message texts"). An
// unbalanced journal entry, for one, also comes as 3180 and fails the same way every time.
bool names_lock_or_use(std::string_view message) {
  for (std::string_view sign : {"lock", "in use", "another user"})
    if (message.find(sign) != std::string_view::npos) return true;
  return false;
}

Verdict with_message(Outcome outcome, std::string meaning, const Status& status) {
  std::string reason = std::move(meaning);
  if (!status.message.empty()) reason += " (QuickBooks " + std::to_string(status.code) + ": " + status.message + ")";
  return Verdict{outcome, std::move(reason)};
}

}  // namespace

Verdict classify(const Status& s) {
  switch (s.code) {
    case 0: return {Outcome::ok, {}};
    case 1: return {Outcome::no_match, "no matching object"};
    case 500: return with_message(Outcome::partial, "query not fully completed", s);
    case 3100: return with_message(Outcome::final_error, "the name is already in use", s);
    case 3120: return with_message(Outcome::final_error, "the referenced object does not exist in QuickBooks", s);
    case 3140:
      return with_message(Outcome::final_error,
                          "a referenced customer, item or account does not exist in QuickBooks; create it first", s);
    case 3180:
      if (!s.message.empty() && !names_lock_or_use(s.message))
        return with_message(Outcome::final_error, "QuickBooks could not save the transaction", s);
      [[fallthrough]];
    case 3170:
    case 3175:
    case 3176:
      return with_message(Outcome::transient, "QuickBooks record is locked or in use; retry in a later session", s);
    case 3200:
      return with_message(Outcome::edit_sequence_stale, "EditSequence is out of date; re-query and re-apply", s);
    case 3231: return with_message(Outcome::not_processed, "not processed because an earlier request failed", s);
    default: break;
  }
  switch (s.severity) {
    case Severity::info: return {Outcome::ok, {}};
    case Severity::warn: return with_message(Outcome::warning, "QuickBooks warning", s);
    case Severity::error: break;
  }
  return with_message(Outcome::final_error, "QuickBooks error", s);
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::ok: return "ok";
    case Outcome::no_match: return "no_match";
    case Outcome::partial: return "partial";
    case Outcome::warning: return "warning";
    case Outcome::edit_sequence_stale: return "edit_sequence_stale";
    case Outcome::transient: return "transient";
    case Outcome::not_processed: return "not_processed";
    case Outcome::final_error: return "final_error";
  }
  return "";
}

}  // namespace ml::qbxml
