#include "ml/bus/consumer.hpp"

#include <charconv>
#include <condition_variable>
#include <iostream>

#include "amqp_table.hpp"

namespace ml::bus {
namespace {

using detail::bytes;
using detail::view;

int attempt_of(const Headers& headers) {
  const auto text = find_header(headers, header::attempt);
  int attempt = 1;
  if (text) std::from_chars(text->data(), text->data() + text->size(), attempt);
  return std::max(attempt, 1);
}

Delivery to_delivery(const amqp_envelope_t& envelope, const std::string& queue) {
  const auto& properties = envelope.message.properties;
  Delivery delivery;
  delivery.queue = queue;
  if (properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG) delivery.message_id = view(properties.message_id);
  if (properties._flags & AMQP_BASIC_CONTENT_TYPE_FLAG) delivery.content_type = view(properties.content_type);
  if (properties._flags & AMQP_BASIC_HEADERS_FLAG) delivery.headers = detail::to_headers(properties.headers);
  delivery.body = view(envelope.message.body);
  delivery.routing_key = find_header(delivery.headers, header::routing_key).value_or(view(envelope.routing_key));
  delivery.attempt = attempt_of(delivery.headers);
  delivery.redelivered = envelope.redelivered;
  return delivery;
}

/// A copy of `delivery` for `routing_key`, with the bus headers in `updates` set.
Message copy_of(const Delivery& delivery, std::string routing_key, const Headers& updates) {
  Message copy{delivery.message_id, std::move(routing_key), delivery.body, {}, delivery.content_type};
  for (const auto& entry : delivery.headers)
    if (!find_header(updates, entry.first)) copy.headers.push_back(entry);
  copy.headers.insert(copy.headers.end(), updates.begin(), updates.end());
  if (copy.content_type.empty()) copy.content_type = "application/json";
  return copy;
}

PublisherOptions republisher_options(const Topology& topology, const ConsumerOptions& options) {
  PublisherOptions result;
  result.connection = options.connection;
  result.connection.connection_name += " (retry and dead-letter)";
  result.topology = Topology{topology.exchange, topology.dead_letter_exchange, {}};
  result.confirm_timeout = options.confirm_timeout;
  result.reconnect = options.reconnect;
  return result;
}

void sleep_unless_stopped(std::chrono::milliseconds delay, std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop, delay, [] { return false; });
}

void report_problem(const ConsumerOptions& options, const std::string& queue, const std::string& problem) {
  const std::string text = "queue '" + queue + "': " + problem;
  if (options.on_error) options.on_error(text);
  else std::clog << "ml::bus consumer: " << text << '\n';
}

/// One consuming channel: receives deliveries and settles each on the channel it came from.
class ConsumingSession {
 public:
  ConsumingSession(Connection connection, const QueueSpec& queue, const Topology& topology, const Handler& handler,
                   const ConsumerOptions& options, Publisher& republisher)
      : connection_(std::move(connection)), queue_(queue), topology_(topology), handler_(handler),
        options_(options), republisher_(republisher) {}

  void run(std::stop_token stop) {
    const auto state = connection_.native();
    while (!stop.stop_requested() && connection_.alive()) {
      amqp_maybe_release_buffers(state);
      amqp_envelope_t envelope{};
      timeval wait{static_cast<time_t>(options_.poll_interval.count() / 1000),
                   static_cast<suseconds_t>(options_.poll_interval.count() % 1000 * 1000)};
      const auto reply = amqp_consume_message(state, &envelope, &wait, 0);
      if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
        handle(envelope);
        amqp_destroy_envelope(&envelope);
      } else if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_TIMEOUT) {
        continue;
      } else if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
                 reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
        read_other_frame();
      } else {
        report("consume failed: " + describe(reply));
        connection_.mark_dead();
      }
    }
  }

 private:
  void read_other_frame() {
    amqp_frame_t frame{};
    if (int rc = amqp_simple_wait_frame(connection_.native(), &frame); rc != AMQP_STATUS_OK) {
      report(std::string("connection lost: ") + amqp_error_string2(rc));
      connection_.mark_dead();
      return;
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) return;
    switch (frame.payload.method.id) {
      case AMQP_CHANNEL_CLOSE_METHOD:
      case AMQP_CONNECTION_CLOSE_METHOD:
        report(connection_.answer_close(frame));
        break;
      case AMQP_BASIC_CANCEL_METHOD:
        report("the broker cancelled the consumer (queue deleted or moved); reconnecting");
        connection_.mark_dead();
        break;
      default:
        break;
    }
  }

  void handle(const amqp_envelope_t& envelope) {
    const Delivery delivery = to_delivery(envelope, queue_.name);
    if (delivery.message_id.empty())
      return dead_letter(envelope.delivery_tag, delivery, "no message_id: the message cannot be deduplicated");
    HandlerResult result;
    try {
      result = handler_(delivery);
    } catch (const std::exception& error) {
      result = HandlerResult::retry_later(std::string("handler threw: ") + error.what());
    } catch (...) {
      result = HandlerResult::retry_later("handler threw a non-standard exception");
    }
    settle(envelope.delivery_tag, delivery, result);
  }

  void settle(std::uint64_t tag, const Delivery& delivery, const HandlerResult& result) {
    switch (result.outcome) {
      case Outcome::Ack:
        return ack(tag);
      case Outcome::RetryLater:
        if (delivery.attempt >= options_.max_attempts)
          return dead_letter(tag, delivery, "gave up after " + std::to_string(delivery.attempt) +
                                                " attempts; last: " + result.reason);
        return forward(tag, "",
                       copy_of(delivery, retry_queue_name(queue_.name),
                               {{std::string(header::attempt), std::to_string(delivery.attempt + 1)},
                                {std::string(header::retry_reason), result.reason},
                                {std::string(header::routing_key), delivery.routing_key}}));
      case Outcome::Reject:
        return dead_letter(tag, delivery, result.reason);
    }
  }

  void dead_letter(std::uint64_t tag, const Delivery& delivery, const std::string& reason) {
    forward(tag, topology_.dead_letter_exchange,
            copy_of(delivery, queue_.name,
                    {{std::string(header::reject_reason), reason},
                     {std::string(header::rejected_by), queue_.name},
                     {std::string(header::routing_key), delivery.routing_key}}));
  }

  /// Publishes the copy confirmed, then acks the original; if the copy is not confirmed the
  /// original goes back to the queue instead.
  void forward(std::uint64_t tag, std::string_view exchange, const Message& copy) {
    const auto published = republisher_.publish(exchange, copy);
    if (published) return ack(tag);
    report("cannot forward '" + copy.message_id + "' to '" + copy.routing_key + "': " + published.error().message +
           "; requeued");
    if (!connection_.alive()) return;
    const int rc = amqp_basic_nack(connection_.native(), Connection::kChannel, tag, 0, /*requeue=*/1);
    if (rc != AMQP_STATUS_OK) lost(rc, "nack");
  }

  void ack(std::uint64_t tag) {
    if (!connection_.alive()) return;
    if (int rc = amqp_basic_ack(connection_.native(), Connection::kChannel, tag, 0); rc != AMQP_STATUS_OK)
      lost(rc, "ack");
  }

  void lost(int rc, std::string_view what) {
    report(std::string(what) + " failed (" + amqp_error_string2(rc) + "); the broker will redeliver the message");
    connection_.mark_dead();
  }

  void report(const std::string& problem) { report_problem(options_, queue_.name, problem); }

  Connection connection_;
  const QueueSpec& queue_;
  const Topology& topology_;
  const Handler& handler_;
  const ConsumerOptions& options_;
  Publisher& republisher_;
};

}  // namespace

Consumer::Consumer(BrokerUrl url, Topology topology, std::string queue, Handler handler, ConsumerOptions options)
    : url_(std::move(url)),
      topology_(std::move(topology)),
      queue_(topology_.queue(queue)),
      handler_(std::move(handler)),
      options_(std::move(options)),
      republisher_(url_, republisher_options(topology_, options_)) {}

Consumer::~Consumer() { stop(); }

void Consumer::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void Consumer::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

void Consumer::run(std::stop_token stop) {
  Backoff backoff(options_.reconnect);
  while (!stop.stop_requested()) {
    try {
      auto connection = Connection::open(url_, options_.connection);
      declare(connection, topology_);
      amqp_basic_qos(connection.native(), Connection::kChannel, 0, options_.prefetch, 0);
      connection.check(amqp_get_rpc_reply(connection.native()), "basic.qos");
      amqp_basic_consume(connection.native(), Connection::kChannel, bytes(queue_.name), amqp_empty_bytes, 0, 0, 0,
                         amqp_empty_table);
      connection.check(amqp_get_rpc_reply(connection.native()), "consume from '" + queue_.name + "'");
      ConsumingSession session(std::move(connection), queue_, topology_, handler_, options_, republisher_);
      backoff.reset();
      ++connects_;
      connected_ = true;
      session.run(stop);
      connected_ = false;
    } catch (const std::exception& error) {
      connected_ = false;
      report_problem(options_, queue_.name, error.what());
      sleep_unless_stopped(backoff.next(), stop);
    }
  }
}

}  // namespace ml::bus
