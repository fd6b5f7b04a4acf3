// ShipStation V1 API answers: every parser of ml::shipstation reads the same input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ml/shipstation/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ss = ml::shipstation;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)ss::parse_order(input);
  (void)ss::parse_orders_page(input);
  (void)ss::parse_shipment(input);
  (void)ss::parse_shipments_page(input);
  (void)ss::parse_fulfillments_page(input);
  (void)ss::parse_stores(input);
  (void)ss::parse_webhooks(input);
  if (auto error = ss::parse_order(input); !error) (void)error.error().describe();
  return 0;
}
