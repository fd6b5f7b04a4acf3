#include "ml/bus/errors.hpp"

#include "ml/bus/message.hpp"

namespace ml::bus {

std::string_view to_string(PublishErrorKind kind) {
  switch (kind) {
    case PublishErrorKind::Nacked: return "nacked";
    case PublishErrorKind::Returned: return "returned";
    case PublishErrorKind::Timeout: return "timeout";
    case PublishErrorKind::ConnectionLost: return "connection lost";
    case PublishErrorKind::Unreachable: return "unreachable";
    case PublishErrorKind::ChannelClosed: return "channel closed";
  }
  return "unknown";
}

bool in_doubt(PublishErrorKind kind) {
  return kind == PublishErrorKind::Timeout || kind == PublishErrorKind::ConnectionLost;
}

std::optional<std::string_view> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return std::nullopt;
}

}  // namespace ml::bus
