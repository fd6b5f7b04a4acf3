#pragma once
/// The exchanges, queues and bindings, described as data: declared from code at every
/// (re)connect and, from the same data, written out as a RabbitMQ definitions file by deploy.
#include <chrono>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ml::bus {

class Connection;

/// One consumer's queue: a durable quorum queue bound to the events exchange, with its DLQ
/// (`<name>.dlq`) and retry queue (`<name>.retry`).
struct QueueSpec {
  std::string name;
  std::vector<std::string> binding_keys;          ///< topic patterns, e.g. "ss.order.*"
  std::int64_t delivery_limit = 20;               ///< x-delivery-limit: redeliveries before the DLQ
  std::chrono::milliseconds retry_delay{5000};    ///< time a RetryLater message waits in `.retry`
};

/// Everything the services declare.
struct Topology {
  std::string exchange = "ml.events";            ///< topic exchange every message is published to
  std::string dead_letter_exchange = "ml.dlx";   ///< direct exchange; routing key = the queue name
  std::vector<QueueSpec> queues;

  /// The queue named `name`; throws std::invalid_argument when the topology has none.
  const QueueSpec& queue(const std::string& name) const;
};

/// `<queue>.dlq`: where rejected and undeliverable messages of `queue` wait for a human.
std::string dead_letter_queue_name(const std::string& queue);
/// `<queue>.retry`: holds RetryLater copies for retry_delay, then dead-letters them back.
std::string retry_queue_name(const std::string& queue);

/// A queue or exchange argument: text or integer.
struct Argument {
  std::string key;
  std::variant<std::string, std::int64_t> value;
};

struct ExchangeDeclaration {
  std::string name;
  std::string type;  ///< "topic" or "direct"
};

/// Durable, not exclusive, not auto-delete.
struct QueueDeclaration {
  std::string name;
  std::vector<Argument> arguments;
};

struct BindingDeclaration {
  std::string exchange;
  std::string queue;
  std::string routing_key;
};

/// The flat list of what to declare, in declaration order.
struct TopologyPlan {
  std::vector<ExchangeDeclaration> exchanges;
  std::vector<QueueDeclaration> queues;
  std::vector<BindingDeclaration> bindings;
};

/// Expands the topology: per queue, the main quorum queue (x-queue-type quorum, x-delivery-limit,
/// x-dead-letter-exchange = the DLX, routing key = queue name), `.dlq` bound to the DLX with the
/// queue name, and `.retry` (x-message-ttl, dead-lettering through the default exchange to the queue).
TopologyPlan plan(const Topology& topology);

/// Declares the plan; idempotent. Throws BrokerError, e.g. when a queue exists with other arguments.
void declare(Connection& connection, const Topology& topology);

}  // namespace ml::bus
