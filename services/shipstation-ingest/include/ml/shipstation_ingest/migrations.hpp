#pragma once
/// The ingest's own migrations (migrations/V*.sql compiled in).
#include <vector>

#include "ml/store/migrations.hpp"

namespace ml::shipstation_ingest {

std::vector<store::Migration> migrations();

}  // namespace ml::shipstation_ingest
