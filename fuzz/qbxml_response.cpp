// qbXML documents as QuickBooks hands them to receiveResponseXML.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ml/qbxml/responses.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto set = ml::qbxml::parse_response_set(input); !set) (void)set.error().to_string();
  return 0;
}
