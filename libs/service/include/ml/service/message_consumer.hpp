#pragma once
/// The one way a service consumes: validate the envelope, apply it in one transaction with the
/// inbox (and whatever it writes to the outbox and audit), commit, then ack.
#include <functional>
#include <memory>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

#include "ml/bus/consumer.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/service/settings.hpp"
#include "ml/service/topology.hpp"
#include "ml/store/pool.hpp"

namespace ml::service {

/// Thrown by an Apply when the message can never be applied: it goes to the DLQ with this
/// reason instead of being retried.
struct Rejection : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Applies one valid message inside the transaction that also records it in the inbox.
using Apply = std::function<void(pqxx::work&, const messages::Envelope&)>;

struct ConsumerExtras {
  bus::Topology topology = service::topology();  ///< must contain the queue
  std::function<void()> after_commit;            ///< e.g. OutboxRelayLoop::poke
  std::uint16_t prefetch = 10;
};

/// Outcomes per delivery: invalid envelope → DLQ with the error ("/payload/x: required property
/// missing"); applied or duplicate → ack after commit; commit in doubt → retry later (the inbox
/// absorbs the redelivery); Rejection → DLQ with its reason; any other exception → retry later.
class MessageConsumer {
 public:
  MessageConsumer(const ServiceSettings& settings, store::ConnectionPool& pool, std::string schema,
                  std::string queue, Apply apply, core::Logger& log, ConsumerExtras extras = {});

  void start() { consumer_->start(); }
  /// Finishes the message in hand, then stops.
  void stop() { consumer_->stop(); }
  bool connected() const { return consumer_->connected(); }

 private:
  bus::HandlerResult handle(const bus::Delivery& delivery);

  store::ConnectionPool& pool_;
  std::string schema_;
  std::string queue_;
  Apply apply_;
  core::Logger& log_;
  std::function<void()> after_commit_;
  std::unique_ptr<bus::Consumer> consumer_;
};

}  // namespace ml::service
