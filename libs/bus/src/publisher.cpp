#include "ml/bus/publisher.hpp"

#include <ctime>
#include <map>
#include <stdexcept>
#include <thread>

#include "amqp_table.hpp"

namespace ml::bus {
namespace {

using Clock = std::chrono::steady_clock;
using detail::bytes;
using detail::view;

timeval timeval_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
  const auto us = std::max<std::int64_t>(left.count(), 0);
  return timeval{static_cast<time_t>(us / 1000000), static_cast<suseconds_t>(us % 1000000)};
}

int send(Connection& connection, std::string_view exchange, const Message& message) {
  detail::TableView headers(message.headers);
  amqp_basic_properties_t properties{};
  properties._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_TIMESTAMP_FLAG |
                      AMQP_BASIC_HEADERS_FLAG;
  if (!message.message_id.empty()) properties._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
  properties.content_type = bytes(message.content_type);
  properties.delivery_mode = AMQP_DELIVERY_PERSISTENT;
  properties.message_id = bytes(message.message_id);
  properties.timestamp = static_cast<std::uint64_t>(std::time(nullptr));
  properties.headers = headers.table();
  return amqp_basic_publish(connection.native(), Connection::kChannel, bytes(exchange), bytes(message.routing_key),
                            /*mandatory=*/1, /*immediate=*/0, &properties, bytes(message.body));
}

/// The confirms of one publish call: sequence numbers [first_seq, first_seq + size).
class ConfirmTracker {
 public:
  ConfirmTracker(std::span<const Message> messages, std::uint64_t first_seq)
      : messages_(messages), first_seq_(first_seq), outcome_(messages.size()) {}

  bool settled() const { return open_ == 0; }
  void sent(std::size_t count) { open_ = count; }

  void returned(std::string message_id, std::string detail) { returns_[std::move(message_id)] = std::move(detail); }

  void confirm(std::uint64_t tag, bool multiple, bool acked) {
    const std::uint64_t from = multiple ? first_seq_ : tag;
    for (std::uint64_t seq = std::max(from, first_seq_); seq <= tag && seq < first_seq_ + messages_.size(); ++seq) {
      auto& slot = outcome_[seq - first_seq_];
      if (slot.done) continue;
      const std::string& id = messages_[seq - first_seq_].message_id;
      slot.done = true;
      --open_;
      if (!acked) {
        slot.failure = PublishFailure{id, PublishErrorKind::Nacked, "broker answered basic.nack"};
      } else if (auto found = returns_.find(id); found != returns_.end()) {
        slot.failure = PublishFailure{id, PublishErrorKind::Returned, found->second};
      }
    }
  }

  /// Every message not yet confirmed fails with `kind`.
  void fail_open(PublishErrorKind kind, const std::string& detail, std::size_t from = 0) {
    for (std::size_t i = from; i < outcome_.size(); ++i) {
      if (outcome_[i].done) continue;
      outcome_[i] = {true, PublishFailure{messages_[i].message_id, kind, detail}};
    }
    open_ = 0;
  }

  std::expected<void, PublishError> result() const {
    std::vector<PublishFailure> failures;
    for (const auto& slot : outcome_)
      if (slot.failure) failures.push_back(*slot.failure);
    if (failures.empty()) return {};
    const auto& first = failures.front();
    std::string message = std::to_string(failures.size()) + " of " + std::to_string(messages_.size()) +
                          " message(s) not confirmed; first: '" + first.message_id + "' " +
                          std::string(to_string(first.kind)) + ": " + first.detail;
    return std::unexpected(PublishError{first.kind, std::move(message), std::move(failures)});
  }

 private:
  struct Slot {
    bool done = false;
    std::optional<PublishFailure> failure;
  };
  std::span<const Message> messages_;
  std::uint64_t first_seq_;
  std::vector<Slot> outcome_;
  std::size_t open_ = 0;
  std::map<std::string, std::string> returns_;
};

std::string returned_detail(const amqp_basic_return_t& ret) {
  return "unroutable: " + std::to_string(ret.reply_code) + " " + std::string(view(ret.reply_text)) + " (exchange '" +
         std::string(view(ret.exchange)) + "', routing key '" + std::string(view(ret.routing_key)) + "')";
}

/// Reads frames until every message is confirmed, the deadline passes or the connection fails.
void await_confirms(Connection& connection, ConfirmTracker& tracker, Clock::time_point deadline) {
  const auto state = connection.native();
  while (!tracker.settled()) {
    if (Clock::now() >= deadline) {
      connection.mark_dead();  // late confirms on this channel could be taken for a later publish's
      tracker.fail_open(PublishErrorKind::Timeout, "no confirm within the confirm timeout");
      return;
    }
    amqp_frame_t frame{};
    timeval wait = timeval_until(deadline);
    const int rc = amqp_simple_wait_frame_noblock(state, &frame, &wait);
    if (rc == AMQP_STATUS_TIMEOUT) continue;
    if (rc != AMQP_STATUS_OK) {
      connection.mark_dead();
      tracker.fail_open(PublishErrorKind::ConnectionLost, std::string("connection lost: ") + amqp_error_string2(rc));
      return;
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) continue;
    const auto& method = frame.payload.method;
    switch (method.id) {
      case AMQP_BASIC_ACK_METHOD: {
        const auto* ack = static_cast<const amqp_basic_ack_t*>(method.decoded);
        tracker.confirm(ack->delivery_tag, ack->multiple, true);
        break;
      }
      case AMQP_BASIC_NACK_METHOD: {
        const auto* nack = static_cast<const amqp_basic_nack_t*>(method.decoded);
        tracker.confirm(nack->delivery_tag, nack->multiple, false);
        break;
      }
      case AMQP_BASIC_RETURN_METHOD: {
        const std::string detail = returned_detail(*static_cast<const amqp_basic_return_t*>(method.decoded));
        amqp_message_t returned{};
        const auto reply = amqp_read_message(state, frame.channel, &returned, 0);
        if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
          connection.mark_dead();
          tracker.fail_open(PublishErrorKind::ConnectionLost, "reading a returned message: " + describe(reply));
          return;
        }
        tracker.returned(std::string(view(returned.properties.message_id)), detail);
        amqp_destroy_message(&returned);
        break;
      }
      case AMQP_CHANNEL_CLOSE_METHOD:
        tracker.fail_open(PublishErrorKind::ChannelClosed, connection.answer_close(frame));
        return;
      case AMQP_CONNECTION_CLOSE_METHOD:
        tracker.fail_open(PublishErrorKind::ConnectionLost, connection.answer_close(frame));
        return;
      default:
        break;
    }
  }
}

/// Reads what the broker sent since the last call (a close after a restart, stale confirms)
/// without blocking, so a connection that is already dead is replaced before sending on it.
void drain(Connection& connection) {
  while (connection.alive()) {
    amqp_frame_t frame{};
    timeval now{0, 0};
    const int rc = amqp_simple_wait_frame_noblock(connection.native(), &frame, &now);
    if (rc == AMQP_STATUS_TIMEOUT) return;
    if (rc != AMQP_STATUS_OK) {
      connection.mark_dead();
      return;
    }
    if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                  frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD))
      connection.answer_close(frame);
  }
}

}  // namespace

struct Publisher::Session {
  Connection connection;
  std::uint64_t next_seq = 1;
};

Publisher::Publisher(BrokerUrl url, PublisherOptions options) : url_(std::move(url)), options_(std::move(options)) {}

Publisher::~Publisher() = default;

std::uint64_t Publisher::connects() const {
  std::lock_guard lock(mutex_);
  return connects_;
}

std::optional<std::string> Publisher::ensure_session() {
  if (session_) drain(session_->connection);
  if (session_ && session_->connection.alive()) return std::nullopt;
  session_.reset();
  Backoff backoff(options_.reconnect);
  const auto deadline = Clock::now() + options_.reconnect_deadline;
  while (true) {
    try {
      auto connection = Connection::open(url_, options_.connection);
      declare(connection, options_.topology);
      amqp_confirm_select(connection.native(), Connection::kChannel);
      connection.check(amqp_get_rpc_reply(connection.native()), "confirm.select");
      session_ = std::make_unique<Session>(Session{std::move(connection)});
      ++connects_;
      return std::nullopt;
    } catch (const BrokerError& error) {
      const auto delay = backoff.next();
      if (Clock::now() + delay >= deadline) return std::string(error.what());
      std::this_thread::sleep_for(delay);
    }
  }
}

std::expected<void, PublishError> Publisher::publish(const Message& message) {
  return publish_batch(options_.topology.exchange, std::span(&message, 1));
}

std::expected<void, PublishError> Publisher::publish(std::string_view exchange, const Message& message) {
  return publish_batch(exchange, std::span(&message, 1));
}

std::expected<void, PublishError> Publisher::publish_batch(std::span<const Message> messages) {
  return publish_batch(options_.topology.exchange, messages);
}

std::expected<void, PublishError> Publisher::publish_batch(std::string_view exchange, std::span<const Message> messages) {
  if (messages.empty()) return {};
  if (messages.size() > 1)
    for (const auto& message : messages)
      if (message.message_id.empty()) throw std::invalid_argument("every message of a batch needs a message id");
  std::lock_guard lock(mutex_);
  if (auto unreachable = ensure_session()) {
    ConfirmTracker tracker(messages, 0);
    tracker.fail_open(PublishErrorKind::Unreachable, *unreachable);
    return tracker.result();
  }
  auto& session = *session_;
  ConfirmTracker tracker(messages, session.next_seq);
  const auto deadline = Clock::now() + options_.confirm_timeout;
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (int rc = send(session.connection, exchange, messages[i]); rc != AMQP_STATUS_OK) {
      session.connection.mark_dead();
      tracker.sent(i + 1);
      tracker.fail_open(PublishErrorKind::Unreachable, std::string("not sent: ") + amqp_error_string2(rc), i + 1);
      tracker.fail_open(PublishErrorKind::ConnectionLost, std::string("connection lost: ") + amqp_error_string2(rc));
      return tracker.result();
    }
    ++session.next_seq;
  }
  tracker.sent(messages.size());
  await_confirms(session.connection, tracker, deadline);
  return tracker.result();
}

}  // namespace ml::bus
