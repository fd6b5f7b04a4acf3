#pragma once
/// One AMQP connection with one channel: a thin owner of librabbitmq's blocking C API.
#include <amqp.h>

#include <chrono>
#include <string>
#include <string_view>

#include "ml/bus/broker_url.hpp"

namespace ml::bus {

/// How to connect.
struct ConnectionOptions {
  std::chrono::seconds heartbeat{30};               ///< proposed to the broker; 0 disables
  std::chrono::milliseconds connect_timeout{5000};  ///< TCP/TLS connect and AMQP handshake
  std::chrono::milliseconds rpc_timeout{15000};     ///< each synchronous method (declare, close...)
  std::string ca_cert_file = "/etc/ssl/certs/ca-certificates.crt";  ///< amqps: trusted CAs (PEM)
  std::string client_cert_file;                     ///< amqps: optional client certificate (PEM)
  std::string client_key_file;                      ///< amqps: its private key (PEM)
  std::string connection_name;                      ///< shown in the management UI
};

/// A logged-in connection with channel `kChannel` open. Not thread-safe: one thread at a time.
/// Every method that talks to the broker throws BrokerError, and a failure marks it dead.
class Connection {
 public:
  static constexpr amqp_channel_t kChannel = 1;

  /// Connects, logs in and opens the channel; throws BrokerError saying which step failed.
  static Connection open(const BrokerUrl& url, const ConnectionOptions& options);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  /// Closes the channel and connection politely when still alive.
  ~Connection();

  amqp_connection_state_t native() const { return state_; }
  bool alive() const { return alive_; }
  /// Stop using it: the socket is gone or the broker closed the channel or connection.
  void mark_dead() { alive_ = false; }

  /// Throws BrokerError("<what>: <reason>") unless `reply` is normal; marks the connection dead
  /// when the broker closed the channel or connection (and answers its close).
  void check(amqp_rpc_reply_t reply, std::string_view what);
  /// Same for the int status of the non-RPC calls (publish, ack).
  void check_status(int status, std::string_view what);

  /// Answers a channel.close or connection.close the broker sent, marks the connection dead and
  /// returns the broker's reason, e.g. "channel closed by broker: 404 NOT_FOUND - no exchange 'x'".
  std::string answer_close(const amqp_frame_t& frame);

 private:
  explicit Connection(amqp_connection_state_t state) : state_(state) {}
  void close() noexcept;

  amqp_connection_state_t state_ = nullptr;
  bool alive_ = false;
};

/// The reason text of a non-normal RPC reply (library error string or the broker's close reason).
std::string describe(const amqp_rpc_reply_t& reply);

}  // namespace ml::bus
