#pragma once
// qbwc-sim sub-commands.
#include <string>
#include <vector>

namespace ml::qbwc_sim::cli {

/// `company show|invoices|export FILE`, `company seed small|large FILE [--seed N]`.
int company_command(const std::vector<std::string>& args);

}  // namespace ml::qbwc_sim::cli
