#pragma once
/// Renders records exactly as ShipStation V1 does: the field names and order of the official and
/// captured samples, Pacific timestamps without offset, money as JSON numbers.
#include <map>
#include <string>
#include <vector>

#include "ml/shipstation_sim/query.hpp"

namespace ml::shipstation_sim {

/// The seller id shown in GET /webhooks.
inline constexpr std::int64_t kSellerId = 510'001;

std::string order_json(const Order& order);
std::string orders_page_json(const Page<Order>& page);
/// shipmentItems is null unless `include_items` (includeShipmentItems=true).
std::string shipments_page_json(const Page<Shipment>& page, bool include_items);
std::string fulfillments_page_json(const Page<Fulfillment>& page);
/// GET /stores answers a bare array.
std::string stores_json(const std::vector<Store>& stores);
std::string webhooks_json(const std::map<std::int64_t, Webhook>& webhooks);

/// {"message": text}: the body of 401, 404 and 429 answers.
std::string message_json(const std::string& text);
/// The ASP.NET Web API body of a 500.
std::string server_error_json(const std::string& exception_message);

}  // namespace ml::shipstation_sim
