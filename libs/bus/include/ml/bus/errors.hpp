#pragma once
/// How the bus reports failures.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ml::bus {

/// The broker could not be reached, refused us, or closed the connection or channel.
class BrokerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Why a publish was not confirmed.
enum class PublishErrorKind {
  Nacked,         ///< the broker answered basic.nack: it did not take the message
  Returned,       ///< mandatory publish that no queue was bound for (basic.return)
  Timeout,        ///< no confirm within the confirm timeout: in doubt
  ConnectionLost, ///< the connection died after the message was sent: in doubt
  Unreachable,    ///< never sent: no connection could be made before the reconnect deadline
  ChannelClosed,  ///< the broker closed the channel (e.g. 404 the exchange does not exist)
};

/// "nacked", "returned", ... (for messages and logs).
std::string_view to_string(PublishErrorKind kind);

/// True for the kinds whose outcome is unknown (the broker may or may not hold the message).
bool in_doubt(PublishErrorKind kind);

/// One message of a publish that was not confirmed.
struct PublishFailure {
  std::string message_id;
  PublishErrorKind kind;
  std::string detail;
};

/// A failed publish: `kind` is the kind of the first failure; `failures` lists every message
/// that was not confirmed (the others of a batch were).
struct PublishError {
  PublishErrorKind kind;
  std::string message;
  std::vector<PublishFailure> failures;
};

}  // namespace ml::bus
