#pragma once
/// Deterministic seed companies.
#include <cstdint>

#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim {

/// 2024-01-02T14:00:00Z: when seed companies are "created", so the same seed gives the same file.
core::TimePoint seed_epoch();

/// A handful of customers, one item of every kind (plus a few inventory items), two invoices.
Company small_company();
/// 5,000 customers and 20,000 items generated from `seed`, no transactions.
Company large_company(std::uint64_t seed);

}  // namespace ml::qbwc_sim
