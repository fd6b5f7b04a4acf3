#include "ml/store/schema_name.hpp"

#include <stdexcept>

namespace ml::store {

namespace {
bool is_lower_or_underscore(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_valid_schema_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 63 || !is_lower_or_underscore(name.front())) return false;
  for (char c : name)
    if (!is_lower_or_underscore(c) && !is_digit(c)) return false;
  return true;
}

std::string quoted_schema(std::string_view name) {
  if (!is_valid_schema_name(name))
    throw std::invalid_argument("invalid PostgreSQL schema name '" + std::string(name) +
                                "': expected ^[a-z_][a-z0-9_]{0,62}$");
  return "\"" + std::string(name) + "\"";
}

}  // namespace ml::store
