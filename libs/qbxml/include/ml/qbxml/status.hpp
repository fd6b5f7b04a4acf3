#pragma once
/// statusCode/statusSeverity/statusMessage of a qbXML response, and what we do about it.
#include <string>

namespace ml::qbxml {

enum class Severity { info, warn, error };

struct Status {
  int code = 0;
  Severity severity = Severity::info;
  std::string message;
};

enum class Outcome {
  ok,                   ///< 0 and other Info codes
  no_match,             ///< 1: the query found nothing — an empty result, not an error
  partial,              ///< 500: query not fully completed (a required element was not found)
  warning,              ///< other Warn codes: done, log the message
  edit_sequence_stale,  ///< 3200: re-query the object in this session, re-apply, resend
  transient,            ///< 3170/3175/3176, 3180 naming a lock: locked or in use — retry in a later session
  not_processed,        ///< 3231: skipped because an earlier request failed under stopOnError
  final_error,          ///< any other Error: do not retry; `reason` says why
};

struct Verdict {
  Outcome outcome = Outcome::ok;
  std::string reason;  ///< for humans and alerts: the code's meaning and QuickBooks' message
};

/// The status policy (docs/qbxml.md, "Status policy").
Verdict classify(const Status& status);

const char* to_string(Outcome outcome);

}  // namespace ml::qbxml
