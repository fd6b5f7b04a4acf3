#include "ml/messages/alert.hpp"

#include "payload_codec.hpp"

namespace ml::messages {
namespace detail {

template <>
struct Fields<AlertRaised> {
  template <class V, class Self>
  static void visit(V& v, Self& m) {
    v("alert_id", m.alert_id);
    v("kind", m.kind);
    v("severity", m.severity);
    v("service", m.service);
    v("order_number", m.order_number);
    v("message", m.message);
    v("detail", m.detail);
  }
};

}  // namespace detail

template std::string encode_payload<AlertRaised>(const AlertRaised&);
template std::expected<AlertRaised, MessageError> decode_payload<AlertRaised>(std::string_view);

}  // namespace ml::messages
