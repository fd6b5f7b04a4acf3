#pragma once
/// Publishing a message from inside a business transaction: it goes to the service's outbox
/// and reaches the broker only if the transaction commits.
#include <pqxx/pqxx>

#include <string_view>

#include "ml/core/clock.hpp"
#include "ml/messages/envelope.hpp"

namespace ml::service {

/// Header for a message caused by `cause`: new id, same correlation id, causation = cause's id.
messages::EnvelopeHeader follow(const messages::Envelope& cause, const core::Clock& clock);
/// Header for a message that starts a flow: new id, correlation id = that id, no causation.
messages::EnvelopeHeader start_flow(const core::Clock& clock);

/// Writes `envelope` into `<schema>.outbox` within `tx`; routing key = its type.
void publish_envelope(pqxx::work& tx, std::string_view schema, const messages::Envelope& envelope);

/// Encodes `message` and writes it into `<schema>.outbox` within `tx`.
template <class T>
void publish(pqxx::work& tx, std::string_view schema, const T& message, messages::EnvelopeHeader header) {
  publish_envelope(tx, schema, messages::encode(message, std::move(header)));
}

}  // namespace ml::service
