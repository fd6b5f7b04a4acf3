#pragma once
/// A seeded, deterministic merchant month: three stores, a product catalogue and customer list
/// (exported so the QuickBooks side can be seeded to match), and a month of orders replayed
/// through Account's operations: imports every 15 minutes, label batches twice a day, discounts,
/// tax, shipping, edits, cancels, voids and re-ships, splits, marked-as-shipped orders, ~5% of
/// orders with a SKU outside the catalogue and ~2% from customers outside the list.
#include <cstdint>
#include <string>
#include <vector>

#include "ml/shipstation_sim/account.hpp"

namespace ml::shipstation_sim {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  int orders = 2000;
  int year = 2026;
  unsigned month = 3;  ///< March 2026 crosses the spring-forward change (Sunday 8 March).
};

struct CatalogueProduct {
  std::int64_t product_id = 0;
  std::string sku;
  std::string name;
  Decimal unit_price;
  Decimal weight_ounces;
};

struct CatalogueCustomer {
  std::int64_t customer_id = 0;
  std::string name;
  std::string email;
  Address address;
};

/// The merchant's own master data, as the QuickBooks company file would hold it.
struct Catalogue {
  std::vector<CatalogueProduct> products;
  std::vector<CatalogueCustomer> customers;
  std::vector<std::string> adjustment_skus;  ///< SKUs of discount lines (adjustment=true).
};

/// What the month contains, for tests and the CLI summary.
struct MonthStats {
  int orders = 0;  ///< Imported orders (split children not counted).
  int unknown_sku_orders = 0;
  int unknown_customer_orders = 0;
  int discounted_orders = 0;
  int edited_orders = 0;
  int cancelled_orders = 0;
  int awaiting_payment_orders = 0;
  int split_orders = 0;
  int marked_shipped_orders = 0;
  int labels = 0;
  int voided_labels = 0;
  int label_batches = 0;
  int reused_order_numbers = 0;  ///< Order numbers that occur in more than one store.
};

struct MerchantMonth {
  Account account;
  Catalogue catalogue;
  MonthStats stats;
};

/// The three stores of the simulated merchant.
std::vector<Store> merchant_stores(std::uint64_t seed);
/// The catalogue for `seed` (the same one generate_month uses).
Catalogue merchant_catalogue(std::uint64_t seed);
/// Same options → same month, byte for byte.
MerchantMonth generate_month(const GeneratorOptions& options);

/// {"seed", "stores", "products", "customers", "adjustmentSkus"} as JSON, money as numbers.
std::string catalogue_json(std::uint64_t seed, const std::vector<Store>& stores, const Catalogue& catalogue);

}  // namespace ml::shipstation_sim
