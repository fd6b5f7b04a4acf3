#pragma once
// Small edits of valid message JSON, to build the invalid inputs the rejection tests need.
#include <string>
#include <string_view>

#include "ml/messages/envelope.hpp"

namespace ml::messages::testing {

/// `json` with the value at `pointer` removed.
std::string without(std::string_view json, std::string_view pointer);
/// `json` with the value at `pointer` replaced by (or set to) the JSON text `value`.
std::string with(std::string_view json, std::string_view pointer, std::string_view value);
/// The error Envelope::parse gives for `json`; fails the test when parsing succeeds.
MessageError rejection(std::string_view json);

}  // namespace ml::messages::testing
