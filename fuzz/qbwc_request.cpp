// QBWC SOAP request bodies as the gateway receives them on /qbwc. The first line of the input is
// used as the SOAPAction header, the rest as the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ml/qbwc/request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto request = ml::qbwc::parse_request(input)) (void)ml::qbwc::operation_name(*request);
  const auto newline = input.find('\n');
  if (newline != std::string_view::npos) (void)ml::qbwc::parse_request(input.substr(newline + 1), input.substr(0, newline));
  return 0;
}
