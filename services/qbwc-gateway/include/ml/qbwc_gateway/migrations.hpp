#pragma once
/// The gateway's own migrations (migrations/V*.sql compiled in).
#include <vector>

#include "ml/store/migrations.hpp"

namespace ml::qbwc_gateway {

std::vector<store::Migration> migrations();

}  // namespace ml::qbwc_gateway
