#pragma once
/// What QuickBooks should hold for a merchant's ShipStation orders, worked out independently of
/// the services from the simulator's final data and the catalogue QuickBooks was seeded with.
#include <cstdint>
#include <expected>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/shipstation/models.hpp"

namespace ml::merchant_demo {

/// Everything ShipStation holds for the merchant, read through its API.
struct ShipStationRecords {
  std::vector<shipstation::Order> orders;
  std::vector<shipstation::Shipment> labels;
  std::vector<shipstation::Fulfillment> fulfillments;
};

/// Reads every order, label and fulfilment of the account (`base_url`, Basic key:secret).
std::expected<ShipStationRecords, std::string> read_shipstation(const std::string& base_url, const std::string& key,
                                                                const std::string& secret);

/// What QuickBooks knows: customers by e-mail and name, items by name (shipstation-sim's catalogue).
struct KnownEntities {
  std::set<std::string> emails;  ///< lower case
  std::set<std::string> customer_names;
  std::set<std::string> skus;
};
std::expected<KnownEntities, std::string> known_entities(std::string_view catalogue_json);

/// One posting key (store-qualified order number; split parts share it).
struct ExpectedOrder {
  std::string key;
  std::vector<std::int64_t> order_ids;
  bool live = false;                  ///< some part is not cancelled
  bool shipped = false;               ///< a label or fulfilment that is not voided
  std::vector<std::string> problems;  ///< "unknown customer …", "unknown item …"
  std::string ship_date;              ///< YYYY-MM-DD, when shipped
  core::Decimal amount = core::Decimal::from_units(0, 2);  ///< lines + shipping + tax
  std::string customer;

  /// Shipped, live, known customer and items, something to post: exactly one transaction.
  bool posts() const { return live && shipped && problems.empty() && !amount.is_zero(); }
};

std::vector<ExpectedOrder> expected_orders(const ShipStationRecords& records, const KnownEntities& known);

}  // namespace ml::merchant_demo
