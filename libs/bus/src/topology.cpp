#include "ml/bus/topology.hpp"

#include <stdexcept>

#include "amqp_table.hpp"
#include "ml/bus/connection.hpp"

namespace ml::bus {

const QueueSpec& Topology::queue(const std::string& name) const {
  for (const auto& spec : queues)
    if (spec.name == name) return spec;
  throw std::invalid_argument("queue '" + name + "' is not part of the topology");
}

std::string dead_letter_queue_name(const std::string& queue) { return queue + ".dlq"; }
std::string retry_queue_name(const std::string& queue) { return queue + ".retry"; }

TopologyPlan plan(const Topology& topology) {
  TopologyPlan result;
  result.exchanges = {{topology.exchange, "topic"}, {topology.dead_letter_exchange, "direct"}};
  const Argument quorum{"x-queue-type", std::string("quorum")};
  for (const auto& spec : topology.queues) {
    result.queues.push_back({spec.name,
                             {quorum,
                              {"x-delivery-limit", spec.delivery_limit},
                              {"x-dead-letter-exchange", topology.dead_letter_exchange},
                              {"x-dead-letter-routing-key", spec.name}}});
    result.queues.push_back({dead_letter_queue_name(spec.name), {quorum}});
    result.queues.push_back({retry_queue_name(spec.name),
                             {quorum,
                              {"x-message-ttl", static_cast<std::int64_t>(spec.retry_delay.count())},
                              {"x-dead-letter-exchange", std::string()},
                              {"x-dead-letter-routing-key", spec.name}}});
    for (const auto& key : spec.binding_keys) result.bindings.push_back({topology.exchange, spec.name, key});
    result.bindings.push_back({topology.dead_letter_exchange, dead_letter_queue_name(spec.name), spec.name});
  }
  return result;
}

void declare(Connection& connection, const Topology& topology) {
  using detail::bytes;
  const auto state = connection.native();
  const auto channel = Connection::kChannel;
  const TopologyPlan declarations = plan(topology);
  for (const auto& exchange : declarations.exchanges) {
    amqp_exchange_declare(state, channel, bytes(exchange.name), bytes(exchange.type), 0, 1, 0, 0, amqp_empty_table);
    connection.check(amqp_get_rpc_reply(state), "declare exchange '" + exchange.name + "'");
  }
  for (const auto& queue : declarations.queues) {
    detail::TableView arguments(queue.arguments);
    amqp_queue_declare(state, channel, bytes(queue.name), 0, 1, 0, 0, arguments.table());
    connection.check(amqp_get_rpc_reply(state), "declare queue '" + queue.name + "'");
  }
  for (const auto& binding : declarations.bindings) {
    amqp_queue_bind(state, channel, bytes(binding.queue), bytes(binding.exchange), bytes(binding.routing_key),
                    amqp_empty_table);
    connection.check(amqp_get_rpc_reply(state),
                     "bind queue '" + binding.queue + "' to '" + binding.exchange + "' with '" + binding.routing_key + "'");
  }
}

}  // namespace ml::bus
