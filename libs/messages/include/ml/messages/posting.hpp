#pragma once
/// The posting of an order as one QuickBooks transaction: the request and its three possible ends.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/messages/enum_names.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/messages/time.hpp"

namespace ml::messages {

enum class PostingAction { add, update, void_txn };
template <>
struct EnumNames<PostingAction> {
  static constexpr std::array<std::string_view, 3> names{"add", "update", "void"};
};

enum class TxnKind { invoice, journal_entry };
template <>
struct EnumNames<TxnKind> {
  static constexpr std::array<std::string_view, 2> names{"invoice", "journal_entry"};
};

/// One line of the QuickBooks transaction.
struct PostingLine {
  std::string item_full_name;
  std::optional<std::string> description;
  std::optional<core::Decimal> quantity;
  std::optional<core::Decimal> rate;  ///< unit price as given by ShipStation
  core::Decimal amount;               ///< quantity × rate rounded half-up to cents
  bool operator==(const PostingLine&) const = default;
};

/// What the transaction must look like after an add or update.
struct PostingTransaction {
  Date txn_date{};
  std::string ref_number;  ///< ≤ 11 characters
  std::optional<std::string> po_number;
  std::optional<std::string> memo;
  std::string external_guid;  ///< deterministic UUID derived from the posting key
  std::string customer_full_name;
  std::vector<PostingLine> lines;
  bool operator==(const PostingTransaction&) const = default;
};

/// The reconciler asks for the order's transaction to be added, modified or voided.
/// `transaction` is required for add and update and absent for void (checked when decoding).
struct PostingRequested {
  static constexpr std::string_view type_name = "posting.requested";
  static constexpr int version = 1;

  std::string posting_key;  ///< the dedup key: order number, store-qualified when needed
  std::int64_t revision = 1;  ///< grows with every request for the key; older ones are stale
  PostingAction action = PostingAction::add;
  TxnKind txn_kind = TxnKind::invoice;
  std::vector<std::int64_t> order_ids;  ///< ShipStation orders folded into this posting (split parts)
  std::optional<PostingTransaction> transaction;

  bool operator==(const PostingRequested&) const = default;
};

enum class PostingOutcome { created, updated, voided, adopted };
template <>
struct EnumNames<PostingOutcome> {
  static constexpr std::array<std::string_view, 4> names{"created", "updated", "voided", "adopted"};
};

/// QuickBooks confirmed the posting.
struct PostingCompleted {
  static constexpr std::string_view type_name = "posting.completed";
  static constexpr int version = 1;

  std::string posting_key;
  std::int64_t revision = 1;
  PostingAction action = PostingAction::add;
  TxnKind txn_kind = TxnKind::invoice;
  PostingOutcome outcome = PostingOutcome::created;
  std::string txn_id;
  std::optional<std::string> edit_sequence;
  std::optional<std::string> ref_number;
  std::optional<std::string> time_modified;  ///< QuickBooks' TimeModified text, verbatim

  bool operator==(const PostingCompleted&) const = default;
};

enum class FailureDisposition { final_failure, transient };
template <>
struct EnumNames<FailureDisposition> {
  static constexpr std::array<std::string_view, 2> names{"final", "transient"};
};

/// QuickBooks refused the posting; it did not happen.
struct PostingFailed {
  static constexpr std::string_view type_name = "posting.failed";
  static constexpr int version = 1;

  std::string posting_key;
  std::int64_t revision = 1;
  PostingAction action = PostingAction::add;
  TxnKind txn_kind = TxnKind::invoice;
  FailureDisposition disposition = FailureDisposition::final_failure;
  std::optional<std::int64_t> status_code;  ///< qbXML statusCode, absent for COM errors
  std::string status_message;
  std::optional<std::string> hresult;  ///< COM error such as "0x80040400"

  bool operator==(const PostingFailed&) const = default;
};

/// The posting's write reached QuickBooks but its answer was lost: it may or may not have happened.
struct PostingInDoubt {
  static constexpr std::string_view type_name = "posting.in_doubt";
  static constexpr int version = 1;

  std::string posting_key;
  std::int64_t revision = 1;
  PostingAction action = PostingAction::add;
  TxnKind txn_kind = TxnKind::invoice;
  std::string request_id;  ///< the qbxml.request whose answer is missing
  std::string reason;

  bool operator==(const PostingInDoubt&) const = default;
};

extern template std::string encode_payload<PostingRequested>(const PostingRequested&);
extern template std::string encode_payload<PostingCompleted>(const PostingCompleted&);
extern template std::string encode_payload<PostingFailed>(const PostingFailed&);
extern template std::string encode_payload<PostingInDoubt>(const PostingInDoubt&);
extern template std::expected<PostingRequested, MessageError> decode_payload<PostingRequested>(std::string_view);
extern template std::expected<PostingCompleted, MessageError> decode_payload<PostingCompleted>(std::string_view);
extern template std::expected<PostingFailed, MessageError> decode_payload<PostingFailed>(std::string_view);
extern template std::expected<PostingInDoubt, MessageError> decode_payload<PostingInDoubt>(std::string_view);

}  // namespace ml::messages
