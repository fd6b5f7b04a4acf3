#include "bare_amqp.hpp"

#include <amqp_tcp_socket.h>

#include <stdexcept>
#include <string>

namespace ml::bench {
namespace {

void expect(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error("bare librabbitmq: " + what + " failed");
}

void expect_reply(amqp_connection_state_t state, const std::string& what) {
  expect(amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL, what);
}

}  // namespace

BareConnection::BareConnection(const bus::BrokerUrl& url) : state_(amqp_new_connection()) {
  amqp_socket_t* socket = amqp_tcp_socket_new(state_);
  expect(socket && amqp_socket_open(socket, url.host.c_str(), url.port) == AMQP_STATUS_OK, "connect");
  expect(amqp_login(state_, url.vhost.c_str(), 0, 131072, 30, AMQP_SASL_METHOD_PLAIN, url.user.c_str(),
                    url.password.c_str())
                 .reply_type == AMQP_RESPONSE_NORMAL,
         "login");
  amqp_channel_open(state_, 1);
  expect_reply(state_, "channel.open");
}

BareConnection::~BareConnection() {
  amqp_channel_close(state_, 1, AMQP_REPLY_SUCCESS);
  amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(state_);
}

void BareConnection::publish_confirmed(const std::string& exchange, const std::string& routing_key,
                                       std::size_t count, std::size_t batch) {
  amqp_confirm_select(state_, 1);
  expect_reply(state_, "confirm.select");
  amqp_basic_properties_t properties{};
  properties._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_CONTENT_TYPE_FLAG;
  properties.delivery_mode = AMQP_DELIVERY_PERSISTENT;
  properties.content_type = amqp_cstring_bytes("application/json");
  const amqp_bytes_t body = amqp_cstring_bytes(R"({"bench":true})");
  std::uint64_t published = 0;
  std::uint64_t confirmed = 0;
  while (published < count) {
    for (std::size_t i = 0; i < batch && published < count; ++i, ++published)
      expect(amqp_basic_publish(state_, 1, amqp_cstring_bytes(exchange.c_str()), amqp_cstring_bytes(routing_key.c_str()),
                                1, 0, &properties, body) == AMQP_STATUS_OK,
             "basic.publish");
    while (confirmed < published) {
      amqp_frame_t frame{};
      expect(amqp_simple_wait_frame(state_, &frame) == AMQP_STATUS_OK, "waiting for confirms");
      if (frame.frame_type != AMQP_FRAME_METHOD || frame.payload.method.id != AMQP_BASIC_ACK_METHOD) continue;
      confirmed = static_cast<const amqp_basic_ack_t*>(frame.payload.method.decoded)->delivery_tag;
    }
  }
}

void BareConnection::consume_and_ack(const std::string& queue, std::size_t count, std::uint16_t prefetch) {
  amqp_basic_qos(state_, 1, 0, prefetch, 0);
  expect_reply(state_, "basic.qos");
  amqp_basic_consume(state_, 1, amqp_cstring_bytes(queue.c_str()), amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
  expect_reply(state_, "basic.consume");
  for (std::size_t received = 0; received < count; ++received) {
    amqp_maybe_release_buffers(state_);
    amqp_envelope_t envelope{};
    expect(amqp_consume_message(state_, &envelope, nullptr, 0).reply_type == AMQP_RESPONSE_NORMAL, "consume");
    expect(amqp_basic_ack(state_, 1, envelope.delivery_tag, 0) == AMQP_STATUS_OK, "basic.ack");
    amqp_destroy_envelope(&envelope);
  }
}

}  // namespace ml::bench
