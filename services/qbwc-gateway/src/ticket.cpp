#include "ml/qbwc_gateway/ticket.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>

namespace ml::qbwc_gateway {

std::string new_ticket() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  static constexpr char digits[] = "0123456789abcdef";
  std::string ticket;
  for (unsigned char b : bytes) {
    ticket += digits[b >> 4];
    ticket += digits[b & 0xF];
  }
  return ticket;
}

bool is_ticket_shape(std::string_view text) {
  return text.size() == 32 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace ml::qbwc_gateway
