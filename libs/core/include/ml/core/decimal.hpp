#pragma once
/// Exact decimal numbers for money, quantities and rates. Money is never a binary float.
#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace ml::core {

/// A signed decimal `units × 10^-scale` held exactly (up to 36 significant digits, scale ≤ 12).
/// Arithmetic is exact; rounding happens only when asked (`round_half_up`).
class Decimal {
 public:
  __extension__ using Units = __int128;
  static constexpr int kMaxScale = 12;

  constexpr Decimal() = default;

  /// Parses "123", "-0.10", "+5.5", "179.430". No exponents, no thousands separators.
  /// The error says what is wrong with the text.
  static std::expected<Decimal, std::string> parse(std::string_view text);
  /// Like parse, but throws std::invalid_argument; for literals in code and tests.
  static Decimal from_string(std::string_view text);
  /// `units × 10^-scale`, e.g. (1943, 1) is 194.3.
  static Decimal from_units(std::int64_t units, int scale);

  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator*(const Decimal& other) const;
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }

  /// Rounds to `scale` decimals, halves away from zero (2.345 → 2.35, -2.345 → -2.35).
  Decimal round_half_up(int scale) const;

  /// The number with exactly its own scale: "1.00", "-0.5", "12".
  std::string to_string() const;
  /// The number rounded half-up to `scale` decimals and printed with exactly that many.
  std::string to_string(int scale) const;

  int scale() const { return scale_; }
  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }

  /// Compares values: 1.0 == 1.00.
  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

 private:
  constexpr Decimal(Units units, int scale) : units_(units), scale_(scale) {}
  static Decimal make(Units units, int scale);
  Units rescaled(int scale) const;

  Units units_ = 0;
  int scale_ = 0;
};

}  // namespace ml::core
