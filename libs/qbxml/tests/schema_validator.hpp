#pragma once
// Validates qbXML against Intuit's qbxmlops130.xsd with libxml2, compiling the schema once.
#include <string>
#include <string_view>

namespace ml::qbxml::testing {

struct Validation {
  bool skipped = false;  // the schema is absent; the reason was printed
  bool valid = false;
  std::string errors;    // "line N: message" per problem
};

Validation validate_against_schema(std::string_view xml);

}  // namespace ml::qbxml::testing
