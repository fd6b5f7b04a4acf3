#pragma once
/// QBWC session tickets: 128 random bits from the operating system's CSPRNG.
#include <string>
#include <string_view>

namespace ml::qbwc_gateway {

/// 32 lower-case hexadecimal digits.
std::string new_ticket();
/// True for text new_ticket() could have produced (checked before any database look-up).
bool is_ticket_shape(std::string_view text);

}  // namespace ml::qbwc_gateway
