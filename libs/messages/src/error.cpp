#include "ml/messages/error.hpp"

namespace ml::messages {

std::string MessageError::to_string() const {
  return (pointer.empty() ? std::string("(document)") : pointer) + ": " + problem;
}

}  // namespace ml::messages
