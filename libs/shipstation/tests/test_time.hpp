#pragma once
#include <stdexcept>
#include <string>

#include "ml/core/clock.hpp"

/// An RFC 3339 instant for expectations ("2015-06-06T07:29:35Z").
inline ml::core::TimePoint utc(const std::string& text) {
  const auto parsed = ml::core::parse_rfc3339(text);
  if (!parsed) throw std::invalid_argument("bad test instant " + text);
  return *parsed;
}
