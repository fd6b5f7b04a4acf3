#pragma once
/// The order state machine of ARCHITECTURE.md §3, as plain functions: given an order's record,
/// everything known about its ShipStation parts and what the cache knows about QuickBooks, what
/// happens next. No I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/reconciler/matching.hpp"
#include "ml/reconciler/posting_content.hpp"

namespace ml::reconciler {

enum class OrderState {
  received,      ///< first seen, not yet validated
  validating,    ///< parked until qb.lookup.completed answers the cache's open questions
  needs_review,  ///< an unknown customer/item (alert raised); waits for a person and `revalidate`
  valid,         ///< customer and items known, not shipped yet
  posting,       ///< posting.requested add sent
  posted,        ///< QuickBooks holds the transaction as last requested
  updating,      ///< posting.requested update sent
  voiding,       ///< posting.requested void sent
  voided,        ///< QuickBooks voided the transaction
  in_doubt,      ///< the write's outcome is unknown; the writer is finding out
  failed,        ///< QuickBooks refused the write (final); reason kept, alert raised
  cancelled,     ///< cancelled before anything was posted
};

std::string_view to_string(OrderState state);
std::optional<OrderState> order_state_from(std::string_view text);

/// The reconciler's row for one posting key.
struct OrderRecord {
  std::string posting_key;
  OrderState state = OrderState::received;
  std::int64_t revision = 0;                              ///< of the last posting.requested, 0 = none sent
  std::optional<messages::PostingRequested> last_request;  ///< what QuickBooks was last asked to hold
  std::optional<OrderState> posting_state;                ///< where the last request is: posting … failed
  std::string txn_id;
  std::string reason;  ///< why it is in needs_review / failed
  bool operator==(const OrderRecord&) const = default;
};

struct MachineSettings {
  MatchSettings match;
  messages::TxnKind txn_kind = messages::TxnKind::invoice;
};

/// What to do after looking at an order again.
struct Decision {
  OrderRecord record;
  MissingKnowledge ask;                                ///< lookups to request (the order is parked)
  std::optional<messages::PostingRequested> posting;  ///< request to publish
  std::vector<Problem> alerts;                        ///< new problems to raise
};

/// Re-evaluates the order: cancelled or no longer shipped after posting → void; not shipped →
/// validate only; shipped and valid → add, or update when the content differs from the last
/// request. `force` resends an unchanged transaction whose last request failed (mlctl retry).
Decision evaluate(const OrderRecord& record, const OrderGroup& group, const QbDirectory& directory,
                  const Mappings& mappings, const MachineSettings& settings, bool force = false);

/// QuickBooks could not answer a lookup the order was parked on: needs_review with a
/// lookup_failed problem (revalidate asks again).
Decision on_lookup_failed(const OrderRecord& record, const messages::QbStatus& error);

/// posting.completed for the record's key.
OrderRecord on_completed(OrderRecord record, const messages::PostingCompleted& completed);
/// posting.in_doubt for the record's key.
OrderRecord on_in_doubt(OrderRecord record, const messages::PostingInDoubt& in_doubt);
/// posting.failed for the record's key; the alert to raise when it is final and current.
std::pair<OrderRecord, std::optional<Problem>> on_failed(OrderRecord record, const messages::PostingFailed& failed);

}  // namespace ml::reconciler
