#include "ml/messages/posting.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<PostingLine> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("item_full_name", m.item_full_name);
    v("description", m.description);
    v("quantity", m.quantity);
    v("rate", m.rate);
    v("amount", m.amount);
  }
};

template <>
struct Fields<PostingTransaction> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("txn_date", m.txn_date);
    v("ref_number", m.ref_number);
    v("po_number", m.po_number);
    v("memo", m.memo);
    v("external_guid", m.external_guid);
    v("customer_full_name", m.customer_full_name);
    v("lines", m.lines);
  }
};

// The four posting messages open with the same identification of the posting.
template <class V, class Self>
void visit_posting_identity(V& v, Self& m) {
  v("posting_key", m.posting_key);
  v("revision", m.revision);
  v("action", m.action);
  v("txn_kind", m.txn_kind);
}

template <>
struct Fields<PostingRequested> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    visit_posting_identity(v, m);
    v("order_ids", m.order_ids);
    v("transaction", m.transaction);
  }
};

template <>
struct Fields<PostingCompleted> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    visit_posting_identity(v, m);
    v("outcome", m.outcome);
    v("txn_id", m.txn_id);
    v("edit_sequence", m.edit_sequence);
    v("ref_number", m.ref_number);
    v("time_modified", m.time_modified);
  }
};

template <>
struct Fields<PostingFailed> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    visit_posting_identity(v, m);
    v("disposition", m.disposition);
    v("status_code", m.status_code);
    v("status_message", m.status_message);
    v("hresult", m.hresult);
  }
};

template <>
struct Fields<PostingInDoubt> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    visit_posting_identity(v, m);
    v("request_id", m.request_id);
    v("reason", m.reason);
  }
};

}  // namespace detail

// Draft-04 cannot say "required unless action is void" in a way RapidJSON reports clearly.
static std::optional<MessageError> cross_field_error(const PostingRequested& request) {
  const bool voiding = request.action == PostingAction::void_txn;
  if (voiding == !request.transaction.has_value()) return std::nullopt;
  return MessageError{MessageError::Kind::schema_violation, "/payload/transaction",
                      voiding ? "must be null when action is void" : "required when action is add or update",
                      std::nullopt};
}

template std::string encode_payload<PostingRequested>(const PostingRequested&);
template std::string encode_payload<PostingCompleted>(const PostingCompleted&);
template std::string encode_payload<PostingFailed>(const PostingFailed&);
template std::string encode_payload<PostingInDoubt>(const PostingInDoubt&);
template std::expected<PostingRequested, MessageError> decode_payload<PostingRequested>(std::string_view);
template std::expected<PostingCompleted, MessageError> decode_payload<PostingCompleted>(std::string_view);
template std::expected<PostingFailed, MessageError> decode_payload<PostingFailed>(std::string_view);
template std::expected<PostingInDoubt, MessageError> decode_payload<PostingInDoubt>(std::string_view);

}  // namespace ml::messages
