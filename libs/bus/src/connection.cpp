#include "ml/bus/connection.hpp"

#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>
#include <sys/time.h>

#include <utility>

#include "ml/bus/errors.hpp"

namespace ml::bus {
namespace {

std::string_view view(amqp_bytes_t bytes) {
  return {static_cast<const char*>(bytes.bytes), bytes.len};
}

timeval to_timeval(std::chrono::milliseconds ms) {
  return timeval{static_cast<time_t>(ms.count() / 1000), static_cast<suseconds_t>(ms.count() % 1000 * 1000)};
}

std::string close_reason(std::string_view who, std::uint16_t code, amqp_bytes_t text) {
  return std::string(who) + " closed by broker: " + std::to_string(code) + " " + std::string(view(text));
}

std::string describe_method(const amqp_method_t& method) {
  switch (method.id) {
    case AMQP_CONNECTION_CLOSE_METHOD: {
      const auto* close = static_cast<const amqp_connection_close_t*>(method.decoded);
      return close_reason("connection", close->reply_code, close->reply_text);
    }
    case AMQP_CHANNEL_CLOSE_METHOD: {
      const auto* close = static_cast<const amqp_channel_close_t*>(method.decoded);
      return close_reason("channel", close->reply_code, close->reply_text);
    }
    default:
      return "unexpected method " + std::string(amqp_method_name(method.id));
  }
}

amqp_socket_t* new_socket(amqp_connection_state_t state, const BrokerUrl& url, const ConnectionOptions& options) {
  if (!url.tls) {
    amqp_socket_t* socket = amqp_tcp_socket_new(state);
    if (!socket) throw BrokerError("cannot create a TCP socket");
    return socket;
  }
  amqp_socket_t* socket = amqp_ssl_socket_new(state);
  if (!socket) throw BrokerError("cannot create a TLS socket");
  amqp_ssl_socket_set_verify_peer(socket, 1);
  amqp_ssl_socket_set_verify_hostname(socket, 1);
  if (int rc = amqp_ssl_socket_set_cacert(socket, options.ca_cert_file.c_str()); rc != AMQP_STATUS_OK)
    throw BrokerError("cannot load CA certificates from " + options.ca_cert_file + ": " + amqp_error_string2(rc));
  if (!options.client_cert_file.empty()) {
    int rc = amqp_ssl_socket_set_key(socket, options.client_cert_file.c_str(), options.client_key_file.c_str());
    if (rc != AMQP_STATUS_OK)
      throw BrokerError("cannot load client certificate " + options.client_cert_file + ": " + amqp_error_string2(rc));
  }
  return socket;
}

void login(Connection& connection, const BrokerUrl& url, const ConnectionOptions& options) {
  amqp_table_entry_t property{};
  property.key = amqp_cstring_bytes("connection_name");
  property.value.kind = AMQP_FIELD_KIND_UTF8;
  property.value.value.bytes = amqp_cstring_bytes(options.connection_name.c_str());
  amqp_table_t properties{options.connection_name.empty() ? 0 : 1, &property};
  connection.check(amqp_login_with_properties(connection.native(), url.vhost.c_str(), 0, 131072,
                                              static_cast<int>(options.heartbeat.count()), &properties,
                                              AMQP_SASL_METHOD_PLAIN, url.user.c_str(), url.password.c_str()),
                   "login to vhost '" + url.vhost + "' as '" + url.user + "'");
}

}  // namespace

std::string describe(const amqp_rpc_reply_t& reply) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return "ok";
    case AMQP_RESPONSE_NONE:
      return "no reply from the broker";
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      return amqp_error_string2(reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      return describe_method(reply.reply);
  }
  return "unknown reply type";
}

Connection Connection::open(const BrokerUrl& url, const ConnectionOptions& options) {
  amqp_connection_state_t state = amqp_new_connection();
  if (!state) throw BrokerError("cannot allocate an AMQP connection");
  Connection connection(state);
  const std::string where = url.redacted();
  amqp_socket_t* socket = new_socket(state, url, options);
  timeval connect_timeout = to_timeval(options.connect_timeout);
  if (int rc = amqp_socket_open_noblock(socket, url.host.c_str(), url.port, &connect_timeout); rc != AMQP_STATUS_OK)
    throw BrokerError("cannot connect to " + where + ": " + amqp_error_string2(rc));
  connection.alive_ = true;
  amqp_set_handshake_timeout(state, &connect_timeout);
  timeval rpc_timeout = to_timeval(options.rpc_timeout);
  amqp_set_rpc_timeout(state, &rpc_timeout);
  try {
    login(connection, url, options);
    amqp_channel_open(state, kChannel);
    connection.check(amqp_get_rpc_reply(state), "open channel");
  } catch (const BrokerError& error) {
    throw BrokerError(where + ": " + error.what());
  }
  return connection;
}

Connection::Connection(Connection&& other) noexcept
    : state_(std::exchange(other.state_, nullptr)), alive_(std::exchange(other.alive_, false)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    close();
    state_ = std::exchange(other.state_, nullptr);
    alive_ = std::exchange(other.alive_, false);
  }
  return *this;
}

Connection::~Connection() { close(); }

void Connection::close() noexcept {
  if (!state_) return;
  if (alive_) {
    amqp_channel_close(state_, kChannel, AMQP_REPLY_SUCCESS);
    amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
  }
  amqp_destroy_connection(state_);
  state_ = nullptr;
  alive_ = false;
}

void Connection::check(amqp_rpc_reply_t reply, std::string_view what) {
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) return;
  if (reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION) {
    amqp_frame_t frame{};
    frame.frame_type = AMQP_FRAME_METHOD;
    frame.channel = reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD ? 0 : kChannel;
    frame.payload.method = reply.reply;
    throw BrokerError(std::string(what) + ": " + answer_close(frame));
  }
  alive_ = false;
  throw BrokerError(std::string(what) + ": " + describe(reply));
}

void Connection::check_status(int status, std::string_view what) {
  if (status == AMQP_STATUS_OK) return;
  alive_ = false;
  throw BrokerError(std::string(what) + ": " + amqp_error_string2(status));
}

std::string Connection::answer_close(const amqp_frame_t& frame) {
  const std::string reason = describe_method(frame.payload.method);
  if (frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD) {
    amqp_connection_close_ok_t ok{};
    amqp_send_method(state_, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
  } else if (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD) {
    amqp_channel_close_ok_t ok{};
    amqp_send_method(state_, frame.channel, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
    amqp_connection_close(state_, AMQP_REPLY_SUCCESS);
  }
  alive_ = false;
  return reason;
}

}  // namespace ml::bus
