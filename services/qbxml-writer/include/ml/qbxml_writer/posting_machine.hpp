#pragma once
/// The life of one posting in QuickBooks, as plain decisions: given the posting's row and an
/// incoming event, the new row and the messages to publish. No I/O.
///
/// Rules: a write is never re-sent blindly — once any write for the key went out (or its answer
/// was lost) the next step is a query by TxnID or RefNumber that adopts what exists; a Mod always
/// follows a query for the current EditSequence; a stale EditSequence (3200) re-queries, at most
/// `max_stale_retries` times; lock errors wait for the next QBWC session; other errors are final.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ml/messages/posting.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/qbxml_writer/journal_content.hpp"

namespace ml::qbxml_writer {

enum class PostingState { pending, querying, sent, in_doubt, posted, voided, failed };
/// The request a posting waits for: a query (find) or one of the writes.
enum class PostingStep : int { none, find, add, modify, void_txn };

const char* to_string(PostingState state);
const char* to_string(PostingStep step);
std::optional<PostingState> posting_state_from(std::string_view text);
std::optional<PostingStep> posting_step_from(std::string_view text);

/// One row of qbxml_writer.postings.
struct Posting {
  messages::PostingRequested request;  ///< the newest accepted request for the key
  PostingState state = PostingState::pending;
  PostingStep step = PostingStep::none;
  std::string txn_id, ref_number, edit_sequence, external_guid;
  std::string last_request_id;
  std::int64_t sent_revision = 0;  ///< the revision the request in flight serves
  int writes_sent = 0;             ///< writes ever sent for the key; > 0 means query before any Add
  int stale_retries = 0;
  std::string last_error;
  bool operator==(const Posting&) const = default;
};

using PostingMessage = std::variant<messages::QbxmlRequest, messages::PostingCompleted, messages::PostingFailed,
                                    messages::PostingInDoubt>;

struct PostingDecision {
  Posting posting;
  std::vector<PostingMessage> messages;
};

struct PostingSettings {
  std::string company_file;  ///< "" = whichever file QBWC has open
  int max_stale_retries = 3;
  JournalAccounts journal;   ///< for txn_kind journal_entry
};

class PostingMachine {
 public:
  using NewId = std::function<std::string()>;
  PostingMachine(PostingSettings settings, NewId new_id);

  /// A posting.requested; `current` is the key's row, if any. A revision not newer than the
  /// row's is ignored (no messages, row unchanged). While a request is in flight the newer
  /// revision is kept and acted on when the answer arrives.
  PostingDecision on_requested(const std::optional<Posting>& current, const messages::PostingRequested& request) const;
  /// The qbxml.response to the row's last request (a response to any other request is ignored).
  PostingDecision on_response(const Posting& current, const messages::QbxmlResponse& response) const;
  /// A QBWC session started: a posting waiting (lock error) or in doubt queries again.
  PostingDecision on_session_started(const Posting& current) const;

 private:
  PostingDecision next_step(Posting posting, std::vector<PostingMessage> messages) const;
  PostingDecision send_find(Posting posting, std::vector<PostingMessage> messages) const;
  PostingDecision send_write(Posting posting, std::vector<PostingMessage> messages, PostingStep step) const;
  PostingDecision on_find_answer(Posting posting, const messages::QbxmlResponse& response) const;
  PostingDecision hresult_failure(Posting posting, const messages::QbxmlResponse& response) const;
  PostingDecision on_write_answer(Posting posting, const messages::QbxmlResponse& response) const;
  PostingDecision after_completion(Posting posting, std::vector<PostingMessage> messages) const;
  PostingDecision fail(Posting posting, std::vector<PostingMessage> messages, messages::FailureDisposition disposition,
                       std::optional<std::int64_t> status_code, std::string message,
                       std::optional<std::string> hresult) const;

  PostingSettings settings_;
  NewId new_id_;
};

}  // namespace ml::qbxml_writer
