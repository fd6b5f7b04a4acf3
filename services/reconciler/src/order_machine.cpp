#include "ml/reconciler/order_machine.hpp"

#include <algorithm>
#include <array>

#include "ml/reconciler/json_detail.hpp"

namespace ml::reconciler {
namespace {

using messages::PostingAction;

constexpr std::array<std::string_view, 12> kStateNames{"received", "validating", "needs_review", "valid",
                                                       "posting",  "posted",     "updating",     "voiding",
                                                       "voided",   "in_doubt",   "failed",       "cancelled"};

// True when nothing was ever written for the key: no request, or a refused first add (no TxnID).
bool holds_nothing(const OrderRecord& record) {
  return record.revision == 0 || (record.posting_state == OrderState::failed && record.txn_id.empty());
}

// True when QuickBooks was last asked to hold a transaction (not to void it).
bool asked_to_hold(const OrderRecord& record) {
  return record.last_request && record.last_request->action != PostingAction::void_txn;
}

// True when QuickBooks may hold the transaction, so taking it back needs a void.
bool holds_transaction(const OrderRecord& record) { return asked_to_hold(record) && !holds_nothing(record); }

OrderState settled_state(const OrderRecord& record) { return record.posting_state.value_or(OrderState::valid); }

bool waiting_for_writer(OrderState state) {
  return state == OrderState::posting || state == OrderState::updating || state == OrderState::voiding ||
         state == OrderState::in_doubt || state == OrderState::failed;
}

// Stays in (or returns to) a state that needs no request; a failed order keeps its reason.
Decision settle(OrderRecord record, OrderState state) {
  if (record.state != state) {
    record.reason = state == OrderState::failed ? "QuickBooks refused the last posting (see its posting_failed alert)" : "";
    record.state = state;
  }
  return {std::move(record), {}, std::nullopt, {}};
}

Decision request(OrderRecord record, PostingAction action, std::optional<messages::PostingTransaction> tx,
                 const OrderGroup& group, const MachineSettings& settings) {
  messages::PostingRequested posting;
  posting.posting_key = record.posting_key;
  posting.revision = ++record.revision;
  posting.action = action;
  posting.txn_kind = settings.txn_kind;
  for (const auto& part : group.parts) posting.order_ids.push_back(part.order_id);
  std::ranges::sort(posting.order_ids);
  posting.transaction = std::move(tx);
  record.last_request = posting;
  record.state = action == PostingAction::add      ? OrderState::posting
                 : action == PostingAction::update ? OrderState::updating
                                                   : OrderState::voiding;
  record.posting_state = record.state;
  record.reason.clear();
  return {std::move(record), {}, std::move(posting), {}};
}

Decision needs_review(OrderRecord record, std::vector<Problem> problems) {
  std::string reason;
  for (const auto& problem : problems) reason += (reason.empty() ? "" : " ") + problem.message;
  const bool known = record.state == OrderState::needs_review && record.reason == reason;
  record.state = OrderState::needs_review;
  record.reason = std::move(reason);
  return {std::move(record), {}, std::nullopt, known ? std::vector<Problem>{} : std::move(problems)};
}

// The order needs a person. When QuickBooks holds what an earlier, valid version asked for (a
// split part or an edit brought an unknown customer or item), that transaction no longer
// matches the order: it is voided too, and a retry after the fix re-enters its lines.
Decision park(const OrderRecord& record, std::vector<Problem> problems, const OrderGroup& group,
              const MachineSettings& settings) {
  auto review = needs_review(record, std::move(problems));
  if (!holds_transaction(record)) return review;
  auto voiding = request(record, PostingAction::void_txn, std::nullopt, group, settings);
  voiding.record.state = OrderState::needs_review;
  voiding.record.reason = std::move(review.record.reason);
  voiding.alerts = std::move(review.alerts);
  return voiding;
}

struct Validation {
  std::optional<std::string> customer;
  std::vector<std::vector<std::string>> item_names;  // per part, per line
  MissingKnowledge ask;
  std::vector<Problem> problems;
};

Validation validate(const OrderGroup& group, const QbDirectory& directory, const Mappings& mappings,
                    const MatchSettings& settings) {
  Validation v;
  auto customer = match_customer(primary_part(group), directory, mappings, settings);
  v.customer = std::move(customer.full_name);
  v.ask.customer_keys = std::move(customer.ask);
  if (customer.problem) v.problems.push_back(std::move(*customer.problem));
  for (const auto& part : group.parts) {
    if (!is_live(part)) {
      v.item_names.emplace_back();
      continue;
    }
    auto items = match_items(part, directory, mappings, settings);
    for (auto& key : items.ask)
      if (std::ranges::find(v.ask.item_keys, key) == v.ask.item_keys.end()) v.ask.item_keys.push_back(std::move(key));
    for (auto& problem : items.problems)
      if (std::ranges::find(v.problems, problem) == v.problems.end()) v.problems.push_back(std::move(problem));
    v.item_names.push_back(std::move(items.item_full_names));
  }
  return v;
}

Problem nothing_to_post(const OrderGroup& group) {
  const auto& number = primary_part(group).order_number;
  return {"nothing_to_post", "Order " + number + " shipped but every line, shipping and tax amount is zero.",
          JsonObject().text("order_number", number).str()};
}

}  // namespace

std::string_view to_string(OrderState state) { return kStateNames[static_cast<std::size_t>(state)]; }

std::optional<OrderState> order_state_from(std::string_view text) {
  const auto found = std::ranges::find(kStateNames, text);
  if (found == kStateNames.end()) return std::nullopt;
  return static_cast<OrderState>(found - kStateNames.begin());
}

Decision evaluate(const OrderRecord& record, const OrderGroup& group, const QbDirectory& directory,
                  const Mappings& mappings, const MachineSettings& settings, bool force) {
  const bool live = std::ranges::any_of(group.parts, is_live);
  const auto date = txn_date(group);
  if ((!live || !date) && holds_transaction(record))
    return request(record, PostingAction::void_txn, std::nullopt, group, settings);
  if (!live) return settle(record, holds_nothing(record) ? OrderState::cancelled : settled_state(record));

  auto v = validate(group, directory, mappings, settings.match);
  if (!v.ask.empty()) {
    auto parked = record;
    parked.state = OrderState::validating;
    return {std::move(parked), std::move(v.ask), std::nullopt, {}};
  }
  if (!v.problems.empty()) return park(record, std::move(v.problems), group, settings);
  if (!date) return settle(record, settled_state(record));

  auto lines = build_lines(group, v.item_names, settings.match);
  if (lines.empty()) return park(record, {nothing_to_post(group)}, group, settings);
  auto tx = transaction_for(record.posting_key, *date, *v.customer, std::move(lines));
  const bool unchanged = asked_to_hold(record) && record.last_request->transaction == tx;
  const bool retry = force && record.posting_state == OrderState::failed;
  if (unchanged && !retry) return settle(record, settled_state(record));
  return request(record, record.revision == 0 ? PostingAction::add : PostingAction::update, std::move(tx), group,
                 settings);
}

Decision on_lookup_failed(const OrderRecord& record, const messages::QbStatus& error) {
  Problem problem{"lookup_failed",
                  "Order " + record.posting_key + ": QuickBooks could not answer a customer/item lookup (" +
                      std::to_string(error.status_code) + " " + error.status_message + ").",
                  JsonObject().number("status_code", error.status_code).text("status_message", error.status_message).str()};
  return needs_review(record, {std::move(problem)});
}

OrderRecord on_completed(OrderRecord record, const messages::PostingCompleted& completed) {
  if (record.txn_id.empty() || completed.revision == record.revision) record.txn_id = completed.txn_id;
  if (completed.revision != record.revision) return record;
  record.posting_state = completed.action == PostingAction::void_txn ? OrderState::voided : OrderState::posted;
  if (waiting_for_writer(record.state)) {
    record.state = *record.posting_state;
    record.reason.clear();
  }
  return record;
}

OrderRecord on_in_doubt(OrderRecord record, const messages::PostingInDoubt& in_doubt) {
  if (in_doubt.revision != record.revision) return record;
  record.posting_state = OrderState::in_doubt;
  if (waiting_for_writer(record.state)) record.state = OrderState::in_doubt;
  return record;
}

std::pair<OrderRecord, std::optional<Problem>> on_failed(OrderRecord record, const messages::PostingFailed& failed) {
  if (failed.revision != record.revision || failed.disposition == messages::FailureDisposition::transient)
    return {std::move(record), std::nullopt};
  const auto status = failed.status_code ? std::to_string(*failed.status_code) : failed.hresult.value_or("");
  record.posting_state = OrderState::failed;
  record.reason = "QuickBooks refused the " + std::string(messages::to_string(failed.action)) +
                  " (" + status + "): " + failed.status_message;
  if (waiting_for_writer(record.state)) record.state = OrderState::failed;
  Problem problem{"posting_failed", "Order " + record.posting_key + ": " + record.reason,
                  JsonObject()
                      .text("posting_key", failed.posting_key)
                      .number("revision", failed.revision)
                      .text("status_code", status)
                      .text("status_message", failed.status_message)
                      .str()};
  return {std::move(record), std::move(problem)};
}

}  // namespace ml::reconciler
