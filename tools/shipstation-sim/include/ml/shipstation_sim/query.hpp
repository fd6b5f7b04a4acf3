#pragma once
/// The list endpoints' query strings: parsing (names are case-insensitive, as on ShipStation's
/// ASP.NET back end, so `storeID` and `storeId` are the same), filters, sorting and paging.
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/shipstation_sim/account.hpp"

namespace ml::shipstation_sim {

/// Decoded query parameters keyed by lower-cased name.
class QueryParams {
 public:
  /// Parses the part after '?' of a request target ('+' and %XX decoded).
  static QueryParams parse(std::string_view target);

  /// The value of `name` (any case); nullopt when absent or empty.
  std::optional<std::string> get(std::string_view name) const;

 private:
  std::map<std::string, std::string> values_;
};

/// A request that cannot be answered as asked; `what` names the parameter and the problem.
struct QueryError {
  std::string what;
};

/// One page of a list endpoint.
template <class Row>
struct Page {
  std::vector<const Row*> rows;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t pages = 0;
};

inline constexpr std::int64_t kDefaultPageSize = 100;
inline constexpr std::int64_t kMaxPageSize = 500;

/// GET /orders: orderNumber (starts with), customerName, itemKeyword, orderStatus, storeId,
/// importBatch, {order,create,modify,payment}Date{Start,End}, sortBy, sortDir, page, pageSize.
std::expected<Page<Order>, QueryError> list_orders(const Account& account, const QueryParams& query);

/// GET /shipments: orderId, orderNumber, batchId, storeId, carrierCode, serviceCode,
/// trackingNumber, recipientName, recipientCountryCode, {ship,create,void}Date{Start,End},
/// sortBy (ShipDate|CreateDate), sortDir, page, pageSize.
std::expected<Page<Shipment>, QueryError> list_shipments(const Account& account, const QueryParams& query);

/// GET /fulfillments: fulfillmentId, orderId, orderNumber, trackingNumber, recipientName,
/// {create,ship}Date{Start,End}, sortBy, sortDir, page, pageSize.
std::expected<Page<Fulfillment>, QueryError> list_fulfillments(const Account& account,
                                                               const QueryParams& query);

}  // namespace ml::shipstation_sim
