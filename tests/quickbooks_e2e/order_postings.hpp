#pragma once
// Postings as the reconciler would publish them, varied enough to exercise lines, dates and rounding.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ml/messages/posting.hpp"

namespace ml::quickbooks_e2e {

/// "Q" + six base-36 digits of the start time: keys no earlier run used (the services' schemas
/// outlive a run). Posting keys are "<run tag><case>-<n>".
std::string run_tag();

/// A line of `quantity` × `rate` of `item`, amount rounded half-up to cents.
messages::PostingLine line(std::string_view item, std::string_view quantity, std::string_view rate);

/// An invoice posting for `key` with the RefNumber and ExternalGUID the writer derives from it,
/// the n-th seed customer and a date in 2026 varying with n.
messages::PostingRequested invoice_posting(const std::string& key, std::size_t n,
                                           std::vector<messages::PostingLine> lines);

/// Order n of a batch: one to three lines of varying seed items, quantities and rates.
messages::PostingRequested order_posting(const std::string& key, std::size_t n);

}  // namespace ml::quickbooks_e2e
