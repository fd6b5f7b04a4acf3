#pragma once
// Reading shared qbXML samples in response tests.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "ml/qbxml/responses.hpp"
#include "ml/testing/environment.hpp"

namespace ml::qbxml::testing {

// The text of ../shared/qbwc-samples/qbxml/<name>, or nullopt (skip) when shared/ is absent.
inline std::optional<std::string> sample(const std::string& name) {
  auto shared = ml::testing::shared_dir();
  if (!shared) return std::nullopt;
  std::ifstream in(*shared / "qbwc-samples" / "qbxml" / name, std::ios::binary);
  REQUIRE(in.good());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline ResponseSet parsed(const std::string& text) {
  auto set = parse_response_set(text);
  INFO((set ? std::string() : set.error().to_string()));
  REQUIRE(set.has_value());
  return *set;
}

inline core::Decimal dec(const char* text) { return core::Decimal::from_string(text); }

}  // namespace ml::qbxml::testing
