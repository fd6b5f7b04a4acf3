// Bodies of webhook POSTs to shipstation-ingest, checked as the endpoint checks them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ml/shipstation/url.hpp"
#include "ml/shipstation_ingest/notification.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ingest = ml::shipstation_ingest;
  static const auto base = ml::shipstation::parse_url("https://ssapi.shipstation.com");
  if (!base) std::abort();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto notification = ingest::parse_notification(input, *base)) {
    // What is stored must read back as the same kind.
    if (ingest::resource_kind_from_string(ingest::to_string(notification->kind)) != notification->kind) std::abort();
  }
  return 0;
}
