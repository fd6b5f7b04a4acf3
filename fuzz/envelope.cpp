// Messages as consumers read them from RabbitMQ: an envelope that parses must survive its own
// to_json unchanged, and decoding its payload as any message type must not crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ml/messages/alert.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/messages/qbxml.hpp"
#include "ml/messages/shipstation.hpp"

namespace msg = ml::messages;

template <class... T>
void decode_as_each(const msg::Envelope& envelope) {
  ((void)msg::decode_payload<T>(envelope.payload.text), ...);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto envelope = msg::Envelope::parse(input);
  if (!envelope) return 0;
  auto again = msg::Envelope::parse(envelope->to_json());
  if (!again || *again != *envelope) std::abort();
  decode_as_each<msg::AlertRaised, msg::QbLookupRequested, msg::QbLookupCompleted, msg::PostingRequested,
                 msg::PostingCompleted, msg::PostingFailed, msg::PostingInDoubt, msg::QbxmlRequest,
                 msg::QbxmlResponse, msg::QbwcSession, msg::SsOrderChanged, msg::SsShipmentChanged,
                 msg::SsBatchReceived>(*envelope);
  return 0;
}
