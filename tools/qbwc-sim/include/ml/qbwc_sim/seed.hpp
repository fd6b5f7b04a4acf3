#pragma once
/// Deterministic seed companies.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim {

/// 2024-01-02T14:00:00Z: when seed companies are "created", so the same seed gives the same file.
core::TimePoint seed_epoch();

/// A handful of customers, one item of every kind (plus a few inventory items), two invoices.
Company small_company();
/// 5,000 customers and 20,000 items generated from `seed`, no transactions.
Company large_company(std::uint64_t seed);

/// The QuickBooks side of a ShipStation merchant: the customers (name, e-mail, address) and products
/// (an inventory item named by SKU, `on_hand` of each) of shipstation-sim's catalogue JSON, plus the
/// items an order's other lines post to: "Discount", "Shipping" and "Sales Tax". An error names
/// what in the catalogue is malformed.
std::expected<Company, std::string> merchant_company(std::string_view catalogue_json, std::int64_t on_hand);

}  // namespace ml::qbwc_sim
