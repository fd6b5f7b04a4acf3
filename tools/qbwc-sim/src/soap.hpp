#pragma once
// The QBWC SOAP 1.1 document/literal envelopes the Web Connector sends, and reading the answers
// (namespace-prefix agnostic, as servers answer with default or prefixed namespaces).
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace ml::qbwc_sim::soap {

inline constexpr std::string_view kNamespace = "http://developer.intuit.com/";

struct Param {
  std::string name;
  std::string value;
};

/// `<method xmlns="http://developer.intuit.com/">` with the parameters as XML-escaped children.
std::string request_envelope(std::string_view method, const std::vector<Param>& params);

/// `<methodResult>` text, or its `<string>` children for authenticate.
struct Result {
  std::string text;
  std::vector<std::string> strings;
};
/// The error says what was missing or names the SOAP Fault.
std::expected<Result, std::string> parse_result(std::string_view body, std::string_view method);

std::string escape(std::string_view text);

}  // namespace ml::qbwc_sim::soap
