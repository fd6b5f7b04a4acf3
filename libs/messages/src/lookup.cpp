#include "ml/messages/lookup.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<LookupKey> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("by", m.by);
    v("value", m.value);
  }
};

template <>
struct Fields<QbLookupRequested> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("lookup_id", m.lookup_id);
    v("kind", m.kind);
    v("keys", m.keys);
    v("order_number", m.order_number);
    v("batch_id", m.batch_id);
  }
};

template <>
struct Fields<QbCustomer> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("list_id", m.list_id);
    v("full_name", m.full_name);
    v("email", m.email);
    v("is_active", m.is_active);
    v("time_modified", m.time_modified);
  }
};

template <>
struct Fields<QbItem> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("list_id", m.list_id);
    v("full_name", m.full_name);
    v("item_type", m.item_type);
    v("is_active", m.is_active);
    v("quantity_on_hand", m.quantity_on_hand);
    v("time_modified", m.time_modified);
  }
};

template <>
struct Fields<QbStatus> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("status_code", m.status_code);
    v("status_message", m.status_message);
  }
};

template <>
struct Fields<QbLookupCompleted> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("lookup_id", m.lookup_id);
    v("kind", m.kind);
    v("customers", m.customers);
    v("items", m.items);
    v("missing", m.missing);
    v("error", m.error);
  }
};

}  // namespace detail

template std::string encode_payload<QbLookupRequested>(const QbLookupRequested&);
template std::string encode_payload<QbLookupCompleted>(const QbLookupCompleted&);
template std::expected<QbLookupRequested, MessageError> decode_payload<QbLookupRequested>(std::string_view);
template std::expected<QbLookupCompleted, MessageError> decode_payload<QbLookupCompleted>(std::string_view);

}  // namespace ml::messages
