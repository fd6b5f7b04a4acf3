#pragma once
/// A guard run before RapidJSON parses outside input: its parser and writer recurse once per level
/// of nesting, so a body of a few hundred kilobytes of "[" would overflow the stack.
#include <cstddef>
#include <string_view>

namespace ml::core {

/// Deeper than any message or ShipStation answer we read (they nest fewer than ten levels).
inline constexpr int kMaxJsonNesting = 64;

/// Whether arrays and objects in `json` nest deeper than `limit`, found by a scan that skips the
/// text of strings. Malformed text may be miscounted; the parser refuses it anyway, before it
/// reaches the miscounted part.
inline bool json_nests_deeper_than(std::string_view json, int limit = kMaxJsonNesting) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace ml::core
