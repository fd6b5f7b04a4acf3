#pragma once
/// Wire names of the enumerations messages carry.
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace ml::messages {

/// Specialised per enumeration with `static constexpr std::array<std::string_view, N> names`,
/// in the order of the enumerators (which must be 0, 1, 2, ...).
template <class E>
struct EnumNames;

template <class E>
concept WireEnum = std::is_enum_v<E> && requires { EnumNames<E>::names; };

/// The wire name of `value`, e.g. "journal_entry".
template <WireEnum E>
constexpr std::string_view to_string(E value) {
  return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

/// The enumerator whose wire name is `text`.
template <WireEnum E>
constexpr std::optional<E> enum_from_string(std::string_view text) {
  const auto& names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace ml::messages
