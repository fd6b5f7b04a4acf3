#pragma once
/// Confirmed publishing: persistent, mandatory, and waited for until the broker confirms.
#include <chrono>
#include <expected>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ml/bus/backoff.hpp"
#include "ml/bus/broker_url.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/errors.hpp"
#include "ml/bus/message.hpp"
#include "ml/bus/topology.hpp"

namespace ml::bus {

struct PublisherOptions {
  ConnectionOptions connection;
  Topology topology;                                     ///< declared at every (re)connect
  std::chrono::milliseconds confirm_timeout{10000};      ///< per publish call (a batch shares it)
  BackoffPolicy reconnect;                               ///< delays between connect attempts
  std::chrono::milliseconds reconnect_deadline{30000};   ///< give up (Unreachable) after this long
};

/// Publishes with publisher confirms on its own connection, which it opens lazily and reopens
/// (with backoff, re-declaring the topology) after the broker restarts or the connection dies.
/// Internally locked: any thread may call it, one call runs at a time.
class Publisher {
 public:
  explicit Publisher(BrokerUrl url, PublisherOptions options = {});
  ~Publisher();

  /// Publishes to the topology's exchange and waits for the confirm.
  std::expected<void, PublishError> publish(const Message& message);
  /// Publishes to `exchange` ("" is the default exchange, routing key = queue name).
  std::expected<void, PublishError> publish(std::string_view exchange, const Message& message);

  /// Publishes all, then waits for all confirms. Message ids must be present and unique within a
  /// batch of more than one (a basic.return is matched to its message by id; std::invalid_argument
  /// otherwise). On error, `failures` lists exactly the messages that were not confirmed.
  std::expected<void, PublishError> publish_batch(std::span<const Message> messages);
  std::expected<void, PublishError> publish_batch(std::string_view exchange, std::span<const Message> messages);

  /// Times the connection was (re)opened.
  std::uint64_t connects() const;

 private:
  struct Session;
  std::optional<std::string> ensure_session();

  BrokerUrl url_;
  PublisherOptions options_;
  mutable std::mutex mutex_;
  std::unique_ptr<Session> session_;
  std::uint64_t connects_ = 0;
};

}  // namespace ml::bus
