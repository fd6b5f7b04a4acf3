#include "ml/service/publishing.hpp"

#include "ml/core/ids.hpp"
#include "ml/store/outbox.hpp"

namespace ml::service {
namespace {

messages::UtcTime utc_now(const core::Clock& clock) {
  return std::chrono::time_point_cast<std::chrono::nanoseconds>(clock.now());
}

}  // namespace

messages::EnvelopeHeader follow(const messages::Envelope& cause, const core::Clock& clock) {
  return {core::new_uuid(), cause.header.correlation_id, cause.header.id, utc_now(clock)};
}

messages::EnvelopeHeader start_flow(const core::Clock& clock) {
  auto id = core::new_uuid();
  return {id, id, std::nullopt, utc_now(clock)};
}

void publish_envelope(pqxx::work& tx, std::string_view schema, const messages::Envelope& envelope) {
  store::outbox_add(tx, schema, {envelope.header.id, envelope.type, envelope.to_json(), {}});
}

}  // namespace ml::service
