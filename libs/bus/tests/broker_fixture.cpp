#include "broker_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "../src/amqp_table.hpp"
#include "ml/bus/connection.hpp"
#include "ml/testing/environment.hpp"

namespace ml::bus::testing {

using detail::bytes;
using detail::view;

BrokerUrl broker_url() {
  auto url = parse_broker_url(ml::testing::amqp_url());
  if (!url) throw std::runtime_error(url.error());
  return *url;
}

std::string unique_name(const std::string& what) {
  static std::atomic<int> counter{0};
  return "test." + what + "." + std::to_string(::getpid()) + "." + std::to_string(++counter);
}

ScratchTopology::ScratchTopology(const std::string& what, std::chrono::milliseconds retry_delay,
                                 std::vector<std::string> binding_keys) {
  const std::string base = unique_name(what);
  topology_.exchange = base + ".events";
  topology_.dead_letter_exchange = base + ".dlx";
  topology_.queues.push_back(QueueSpec{base + ".queue", std::move(binding_keys), 20, retry_delay});
}

ScratchTopology::~ScratchTopology() {
  try {
    auto connection = Connection::open(broker_url(), {});
    const TopologyPlan declared = plan(topology_);
    for (const auto& queue : declared.queues)
      amqp_queue_delete(connection.native(), Connection::kChannel, bytes(queue.name), 0, 0);
    for (const auto& exchange : declared.exchanges)
      amqp_exchange_delete(connection.native(), Connection::kChannel, bytes(exchange.name), 0);
  } catch (const std::exception&) {
    // Leftovers carry this run's pid in their names; a broken broker is reported by the test itself.
  }
}

namespace {

std::optional<Delivery> get_one(Connection& connection, const std::string& queue) {
  const auto state = connection.native();
  amqp_basic_get(state, Connection::kChannel, bytes(queue), /*no_ack=*/1);
  const auto reply = amqp_get_rpc_reply(state);
  connection.check(reply, "basic.get from " + queue);
  if (reply.reply.id == AMQP_BASIC_GET_EMPTY_METHOD) return std::nullopt;
  const auto* ok = static_cast<const amqp_basic_get_ok_t*>(reply.reply.decoded);
  Delivery delivery;
  delivery.queue = queue;
  delivery.routing_key = view(ok->routing_key);
  delivery.redelivered = ok->redelivered;
  amqp_message_t message{};
  connection.check(amqp_read_message(state, Connection::kChannel, &message, 0), "read message");
  const auto& properties = message.properties;
  if (properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG) delivery.message_id = view(properties.message_id);
  if (properties._flags & AMQP_BASIC_CONTENT_TYPE_FLAG) delivery.content_type = view(properties.content_type);
  if (properties._flags & AMQP_BASIC_HEADERS_FLAG) delivery.headers = detail::to_headers(properties.headers);
  if (properties._flags & AMQP_BASIC_DELIVERY_MODE_FLAG)
    delivery.headers.emplace_back("delivery-mode", std::to_string(properties.delivery_mode));
  delivery.body = view(message.body);
  amqp_destroy_message(&message);
  return delivery;
}

}  // namespace

std::optional<Delivery> take_one(const std::string& queue, std::chrono::milliseconds timeout) {
  auto connection = Connection::open(broker_url(), {});
  std::optional<Delivery> found;
  eventually([&] { return (found = get_one(connection, queue)).has_value(); }, timeout);
  return found;
}

std::uint32_t ready_count(const std::string& queue) {
  auto connection = Connection::open(broker_url(), {});
  const auto* ok = amqp_queue_declare(connection.native(), Connection::kChannel, bytes(queue), /*passive=*/1, 0, 0, 0,
                                      amqp_empty_table);
  connection.check(amqp_get_rpc_reply(connection.native()), "passive declare of " + queue);
  return ok->message_count;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace ml::bus::testing
