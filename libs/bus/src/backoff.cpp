#include "ml/bus/backoff.hpp"

#include <algorithm>

namespace ml::bus {

std::chrono::milliseconds Backoff::next() {
  const auto delay = std::min(next_, policy_.max);
  next_ = std::min(next_ * 2, policy_.max);
  return delay;
}

}  // namespace ml::bus
