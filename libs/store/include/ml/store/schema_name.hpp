#pragma once
/// PostgreSQL schema names as they may appear in SQL text.
#include <string>
#include <string_view>

namespace ml::store {

/// True when `name` matches ^[a-z_][a-z0-9_]{0,62}$.
bool is_valid_schema_name(std::string_view name) noexcept;

/// `name` as a quoted identifier ("name"); throws std::invalid_argument naming the bad value
/// when it is not a valid schema name.
std::string quoted_schema(std::string_view name);

}  // namespace ml::store
