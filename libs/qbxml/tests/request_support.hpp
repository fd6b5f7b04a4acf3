#pragma once
// Building message sets in tests and checking them against the schema.
#include <catch2/catch.hpp>

#include <string>

#include "ml/qbxml/message_set.hpp"
#include "schema_validator.hpp"

namespace ml::qbxml::testing {

inline std::string build_one(Request request, OnError on_error = OnError::stop_on_error) {
  auto built = MessageSet(kNewestVersion, on_error).add("r1", std::move(request)).build();
  INFO((built ? std::string() : built.error().to_string()));
  REQUIRE(built.has_value());
  return *built;
}

inline BuildError build_error(Request request) {
  auto built = MessageSet(kNewestVersion, OnError::stop_on_error).add("r1", std::move(request)).build();
  REQUIRE_FALSE(built.has_value());
  return built.error();
}

// The request validates against qbxmlops130.xsd (passes, with a printed reason, when the schema is absent).
inline void require_schema_valid(const std::string& xml) {
  Validation v = validate_against_schema(xml);
  if (v.skipped) return;
  INFO(xml);
  INFO(v.errors);
  REQUIRE(v.valid);
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace ml::qbxml::testing
