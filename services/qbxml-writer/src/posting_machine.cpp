#include "ml/qbxml_writer/posting_machine.hpp"

#include <array>
#include <utility>

#include "ml/qbxml/status.hpp"
#include "ml/qbxml/posting_identity.hpp"
#include "ml/qbxml_writer/request_text.hpp"

namespace ml::qbxml_writer {
namespace {

using messages::FailureDisposition;
using messages::PostingAction;

constexpr std::array<const char*, 7> kStateNames{"pending", "querying", "sent", "in_doubt", "posted", "voided", "failed"};
constexpr std::array<const char*, 5> kStepNames{"none", "find", "add", "modify", "void"};
constexpr int kFindPriority = 1;
constexpr int kWritePriority = 4;
constexpr std::string_view kParseErrorHresult = "0x80040400";

template <class E, std::size_t N>
std::optional<E> enum_from(const std::array<const char*, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

bool in_flight(const Posting& p) { return p.state == PostingState::querying || p.state == PostingState::sent; }

// The action the request in flight serves: the request's own while it is still the newest,
// else what the step itself does.
PostingAction sent_action(const Posting& p) {
  if (p.request.revision == p.sent_revision) return p.request.action;
  if (p.step == PostingStep::modify) return PostingAction::update;
  if (p.step == PostingStep::void_txn) return PostingAction::void_txn;
  return PostingAction::add;
}

const char* kind_name(const Posting& p) {
  return p.request.txn_kind == messages::TxnKind::journal_entry ? "journal entry" : "invoice";
}

std::string status_text(const messages::QbxmlResponse& r) {
  return std::to_string(r.status_code.value_or(0)) + " " + r.status_message.value_or("");
}

}  // namespace

const char* to_string(PostingState state) { return kStateNames[static_cast<std::size_t>(state)]; }
const char* to_string(PostingStep step) { return kStepNames[static_cast<std::size_t>(step)]; }
std::optional<PostingState> posting_state_from(std::string_view text) { return enum_from<PostingState>(kStateNames, text); }
std::optional<PostingStep> posting_step_from(std::string_view text) { return enum_from<PostingStep>(kStepNames, text); }

PostingMachine::PostingMachine(PostingSettings settings, NewId new_id)
    : settings_(std::move(settings)), new_id_(std::move(new_id)) {}

PostingDecision PostingMachine::on_requested(const std::optional<Posting>& current,
                                             const messages::PostingRequested& request) const {
  if (current && request.revision <= current->request.revision) return {*current, {}};
  Posting posting = current.value_or(Posting{});
  if (posting.ref_number.empty()) posting.ref_number = qbxml::ref_number_for(request.posting_key);
  if (posting.external_guid.empty()) posting.external_guid = qbxml::external_guid_for(request.posting_key);
  posting.request = request;
  posting.stale_retries = 0;
  if (in_flight(posting)) return {std::move(posting), {}};
  return next_step(std::move(posting), {});
}

PostingDecision PostingMachine::on_response(const Posting& current, const messages::QbxmlResponse& response) const {
  if (!in_flight(current) || response.request_id != current.last_request_id) return {current, {}};
  if (current.step == PostingStep::find) return on_find_answer(current, response);
  return on_write_answer(current, response);
}

PostingDecision PostingMachine::on_session_started(const Posting& current) const {
  if (current.state != PostingState::pending && current.state != PostingState::in_doubt) return {current, {}};
  return next_step(current, {});
}

PostingDecision PostingMachine::next_step(Posting posting, std::vector<PostingMessage> messages) const {
  const bool known = !posting.txn_id.empty();
  if (posting.request.action == PostingAction::void_txn)
    return known ? send_write(std::move(posting), std::move(messages), PostingStep::void_txn)
                 : send_find(std::move(posting), std::move(messages));
  const bool fresh = !known && posting.writes_sent == 0 && posting.state != PostingState::in_doubt;
  if (fresh) return send_write(std::move(posting), std::move(messages), PostingStep::add);
  return send_find(std::move(posting), std::move(messages));
}

PostingDecision PostingMachine::send_find(Posting posting, std::vector<PostingMessage> messages) const {
  const auto id = new_id_();
  auto xml = request_element(id, lookup_request(posting));
  posting.sent_revision = posting.request.revision;
  if (!xml) return fail(std::move(posting), std::move(messages), FailureDisposition::final_failure, std::nullopt,
                        xml.error().to_string(), std::nullopt);
  messages.push_back(messages::QbxmlRequest{id, settings_.company_file, kFindPriority, std::nullopt,
                                            messages::QbxmlRequestKind::query, std::move(*xml),
                                            posting.request.posting_key});
  posting.state = PostingState::querying;
  posting.step = PostingStep::find;
  posting.last_request_id = id;
  return {std::move(posting), std::move(messages)};
}

PostingDecision PostingMachine::send_write(Posting posting, std::vector<PostingMessage> messages,
                                           PostingStep step) const {
  const auto id = new_id_();
  const auto request = write_request(posting, step, settings_.journal);
  posting.sent_revision = posting.request.revision;
  posting.step = step;
  if (!request) return fail(std::move(posting), std::move(messages), FailureDisposition::final_failure, std::nullopt,
                            request.error(), std::nullopt);
  auto xml = request_element(id, *request);
  if (!xml) return fail(std::move(posting), std::move(messages), FailureDisposition::final_failure, std::nullopt,
                        xml.error().to_string(), std::nullopt);
  messages.push_back(messages::QbxmlRequest{id, settings_.company_file, kWritePriority, std::nullopt,
                                            messages::QbxmlRequestKind::write, std::move(*xml),
                                            posting.request.posting_key});
  posting.state = PostingState::sent;
  posting.last_request_id = id;
  ++posting.writes_sent;
  return {std::move(posting), std::move(messages)};
}

// An HRESULT instead of an answer: transient, unless QuickBooks could not parse the request.
PostingDecision PostingMachine::hresult_failure(Posting posting, const messages::QbxmlResponse& response) const {
  const auto disposition =
      response.hresult == kParseErrorHresult ? FailureDisposition::final_failure : FailureDisposition::transient;
  return fail(std::move(posting), {}, disposition, std::nullopt, response.status_message.value_or(""), response.hresult);
}

PostingDecision PostingMachine::on_find_answer(Posting posting, const messages::QbxmlResponse& response) const {
  using messages::QbxmlOutcome;
  if (response.outcome == QbxmlOutcome::in_doubt) return send_find(std::move(posting), {});
  if (response.outcome == QbxmlOutcome::hresult_error) return hresult_failure(std::move(posting), response);
  auto parsed = parse_response_element(response.response_xml.value_or(""));
  if (!parsed) return fail(std::move(posting), {}, FailureDisposition::final_failure, response.status_code,
                           parsed.error(), std::nullopt);
  const auto verdict = parsed->verdict();
  if (verdict.outcome == qbxml::Outcome::transient || verdict.outcome == qbxml::Outcome::not_processed)
    return fail(std::move(posting), {}, FailureDisposition::transient, parsed->status.code, verdict.reason, std::nullopt);
  if (verdict.outcome == qbxml::Outcome::final_error || verdict.outcome == qbxml::Outcome::edit_sequence_stale)
    return fail(std::move(posting), {}, FailureDisposition::final_failure, parsed->status.code, verdict.reason,
                std::nullopt);

  const bool was_posted = !posting.txn_id.empty();
  const auto found = find_posting_record(posting, *parsed);
  if (!found) {
    posting.txn_id.clear();
    posting.edit_sequence.clear();
    if (posting.request.action == PostingAction::void_txn)
      return fail(std::move(posting), {}, FailureDisposition::final_failure, std::nullopt,
                  "QuickBooks has no " + std::string(kind_name(posting)) + " with RefNumber " + posting.ref_number +
                      " to void",
                  std::nullopt);
    return send_write(std::move(posting), {}, PostingStep::add);
  }
  posting.txn_id = found->txn_id;
  posting.edit_sequence = found->edit_sequence;
  if (posting.request.action == PostingAction::void_txn)
    return send_write(std::move(posting), {}, PostingStep::void_txn);
  if (was_posted || posting.request.action == PostingAction::update)
    return send_write(std::move(posting), {}, PostingStep::modify);

  posting.state = PostingState::posted;
  posting.last_error.clear();
  std::vector<PostingMessage> messages{messages::PostingCompleted{
      posting.request.posting_key, posting.sent_revision, sent_action(posting), posting.request.txn_kind,
      messages::PostingOutcome::adopted, found->txn_id, found->edit_sequence, found->ref_number,
      found->time_modified}};
  posting.step = PostingStep::none;
  return after_completion(std::move(posting), std::move(messages));
}

PostingDecision PostingMachine::on_write_answer(Posting posting, const messages::QbxmlResponse& response) const {
  using messages::QbxmlOutcome;
  if (response.outcome == QbxmlOutcome::in_doubt) {
    posting.state = PostingState::in_doubt;
    posting.last_error = "answer lost in QBWC session " + response.ticket;
    std::vector<PostingMessage> messages{messages::PostingInDoubt{
        posting.request.posting_key, posting.sent_revision, sent_action(posting), posting.request.txn_kind,
        response.request_id, "the " + std::string(to_string(posting.step)) + " request reached QuickBooks but its " +
                                 "answer was lost (QBWC session " + response.ticket + ")"}};
    return {std::move(posting), std::move(messages)};
  }
  if (response.outcome == QbxmlOutcome::hresult_error) return hresult_failure(std::move(posting), response);
  auto parsed = parse_response_element(response.response_xml.value_or(""));
  if (!parsed) return fail(std::move(posting), {}, FailureDisposition::final_failure, response.status_code,
                           parsed.error() + " (status " + status_text(response) + ")", std::nullopt);
  const auto verdict = parsed->verdict();
  switch (verdict.outcome) {
    case qbxml::Outcome::ok:
    case qbxml::Outcome::warning:
      break;
    case qbxml::Outcome::edit_sequence_stale:
      if (posting.stale_retries >= settings_.max_stale_retries)
        return fail(std::move(posting), {}, FailureDisposition::final_failure, parsed->status.code,
                    verdict.reason + " (after " + std::to_string(posting.stale_retries) + " re-queries)", std::nullopt);
      ++posting.stale_retries;
      return send_find(std::move(posting), {});
    case qbxml::Outcome::transient:
    case qbxml::Outcome::not_processed:
      return fail(std::move(posting), {}, FailureDisposition::transient, parsed->status.code, verdict.reason,
                  std::nullopt);
    default:
      return fail(std::move(posting), {}, FailureDisposition::final_failure, parsed->status.code, verdict.reason,
                  std::nullopt);
  }

  messages::PostingCompleted completed;
  completed.posting_key = posting.request.posting_key;
  completed.revision = posting.sent_revision;
  completed.action = sent_action(posting);
  completed.txn_kind = posting.request.txn_kind;
  if (posting.step == PostingStep::void_txn && parsed->voided) {
    completed.outcome = messages::PostingOutcome::voided;
    completed.ref_number = parsed->voided->ref_number;
    completed.time_modified = parsed->voided->time_modified;
    posting.state = PostingState::voided;
    posting.edit_sequence.clear();
  } else if (const auto written = written_record(posting, *parsed)) {
    completed.outcome = posting.step == PostingStep::add ? messages::PostingOutcome::created
                                                         : messages::PostingOutcome::updated;
    posting.txn_id = written->txn_id;
    posting.edit_sequence = written->edit_sequence;
    completed.edit_sequence = written->edit_sequence;
    completed.ref_number = written->ref_number;
    completed.time_modified = written->time_modified;
    posting.state = PostingState::posted;
  } else {
    return fail(std::move(posting), {}, FailureDisposition::final_failure, parsed->status.code,
                parsed->kind + " carried no record", std::nullopt);
  }
  completed.txn_id = posting.txn_id;
  posting.step = PostingStep::none;
  posting.stale_retries = 0;
  posting.last_error.clear();
  return after_completion(std::move(posting), {std::move(completed)});
}

PostingDecision PostingMachine::after_completion(Posting posting, std::vector<PostingMessage> messages) const {
  if (posting.request.revision > posting.sent_revision) return next_step(std::move(posting), std::move(messages));
  return {std::move(posting), std::move(messages)};
}

PostingDecision PostingMachine::fail(Posting posting, std::vector<PostingMessage> messages,
                                     FailureDisposition disposition, std::optional<std::int64_t> status_code,
                                     std::string message, std::optional<std::string> hresult) const {
  messages.push_back(messages::PostingFailed{posting.request.posting_key, posting.sent_revision, sent_action(posting),
                                             posting.request.txn_kind, disposition, status_code, message,
                                             std::move(hresult)});
  posting.last_error = std::move(message);
  posting.step = PostingStep::none;
  if (disposition == FailureDisposition::transient) {
    posting.state = PostingState::pending;
    return {std::move(posting), std::move(messages)};
  }
  posting.state = PostingState::failed;
  return after_completion(std::move(posting), std::move(messages));
}

}  // namespace ml::qbxml_writer
