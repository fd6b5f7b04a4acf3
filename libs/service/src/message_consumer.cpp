#include "ml/service/message_consumer.hpp"

#include "ml/store/process_message.hpp"

namespace ml::service {
MessageConsumer::MessageConsumer(const ServiceSettings& settings, store::ConnectionPool& pool,
                                 std::string schema, std::string queue, Apply apply, core::Logger& log,
                                 ConsumerExtras extras)
    : pool_(pool),
      schema_(std::move(schema)),
      queue_(std::move(queue)),
      apply_(std::move(apply)),
      log_(log),
      after_commit_(std::move(extras.after_commit)) {
  bus::ConsumerOptions options;
  options.prefetch = extras.prefetch;
  options.connection.connection_name = schema_ + " " + queue_;
  options.on_error = [this](const std::string& error) {
    log_.warn("broker connection problem", {{"queue", queue_}, {"error", error}});
  };
  consumer_ = std::make_unique<bus::Consumer>(broker_url(settings), std::move(extras.topology), queue_,
                                              [this](const bus::Delivery& d) { return handle(d); }, options);
}

bus::HandlerResult MessageConsumer::handle(const bus::Delivery& delivery) {
  auto envelope = messages::Envelope::parse(delivery.body);
  if (!envelope) {
    const auto reason = "invalid message: " + envelope.error().to_string();
    log_.warn("message rejected", {{"queue", queue_}, {"message_id", delivery.message_id}, {"reason", reason}});
    return bus::HandlerResult::reject(reason);
  }
  try {
    const auto outcome = store::process_message(pool_, schema_, queue_, delivery.message_id,
                                                [&](pqxx::work& tx) { apply_(tx, *envelope); });
    switch (outcome) {
      case store::ProcessOutcome::Applied:
        if (after_commit_) after_commit_();
        return bus::HandlerResult::ack();
      case store::ProcessOutcome::Duplicate:
        log_.debug("duplicate absorbed", {{"queue", queue_}, {"message_id", delivery.message_id}});
        return bus::HandlerResult::ack();
      case store::ProcessOutcome::InDoubt:
        log_.warn("commit in doubt; waiting for redelivery", {{"queue", queue_}, {"message_id", delivery.message_id}});
        return bus::HandlerResult::retry_later("commit in doubt");
    }
  } catch (const Rejection& rejection) {
    log_.warn("message rejected", {{"queue", queue_}, {"message_id", delivery.message_id}, {"reason", rejection.what()}});
    return bus::HandlerResult::reject(rejection.what());
  } catch (const std::exception& e) {
    log_.warn("message failed; will retry", {{"queue", queue_}, {"message_id", delivery.message_id}, {"error", e.what()}});
    return bus::HandlerResult::retry_later(e.what());
  }
  return bus::HandlerResult::retry_later("unknown outcome");
}

}  // namespace ml::service
