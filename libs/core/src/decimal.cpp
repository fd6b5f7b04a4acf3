#include "ml/core/decimal.hpp"

#include <algorithm>
#include <stdexcept>

namespace ml::core {
namespace {

using Units = Decimal::Units;

constexpr Units pow10(int n) {
  Units p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// 10^36 keeps every product of two in-range values inside __int128 before rescaling.
constexpr Units kLimit = pow10(36);

}  // namespace

Decimal Decimal::make(Units units, int scale) {
  if (units >= kLimit || units <= -kLimit) throw std::overflow_error("decimal value out of range");
  while (scale > kMaxScale) {
    // Only reachable through multiplication; keep exactness where the trailing digits are zero.
    if (units % 10 != 0) throw std::overflow_error("decimal scale exceeds 12 digits");
    units /= 10;
    --scale;
  }
  return Decimal(units, scale);
}

std::expected<Decimal, std::string> Decimal::parse(std::string_view text) {
  if (text.empty()) return std::unexpected(std::string("empty number"));
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    ++i;
  }
  Units units = 0;
  int scale = 0, digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9')
      return std::unexpected("'" + std::string(text) + "' is not a decimal number (unexpected '" +
                             std::string(1, c) + "' at position " + std::to_string(i + 1) + ")");
    if (++digits > 36) return std::unexpected("'" + std::string(text) + "' has more than 36 digits");
    units = units * 10 + (c - '0');
    if (point) ++scale;
  }
  if (digits == 0) return std::unexpected("'" + std::string(text) + "' has no digits");
  if (scale > kMaxScale)
    return std::unexpected("'" + std::string(text) + "' has more than 12 decimal places");
  return Decimal(negative ? -units : units, scale);
}

Decimal Decimal::from_string(std::string_view text) {
  auto parsed = parse(text);
  if (!parsed) throw std::invalid_argument(parsed.error());
  return *parsed;
}

Decimal Decimal::from_units(std::int64_t units, int scale) {
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale must be 0..12");
  return make(units, scale);
}

Units Decimal::rescaled(int scale) const { return units_ * pow10(scale - scale_); }

Decimal Decimal::operator+(const Decimal& other) const {
  int scale = std::max(scale_, other.scale_);
  return make(rescaled(scale) + other.rescaled(scale), scale);
}

Decimal Decimal::operator-(const Decimal& other) const { return *this + (-other); }

Decimal Decimal::operator-() const { return Decimal(-units_, scale_); }

Decimal Decimal::operator*(const Decimal& other) const {
  return make(units_ * other.units_, scale_ + other.scale_);
}

Decimal Decimal::round_half_up(int scale) const {
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale must be 0..12");
  if (scale >= scale_) return Decimal(rescaled(scale), scale);
  Units divisor = pow10(scale_ - scale);
  Units quotient = units_ / divisor;
  Units remainder = units_ % divisor;
  if (remainder * 2 >= divisor) ++quotient;
  if (remainder * 2 <= -divisor) --quotient;
  return Decimal(quotient, scale);
}

std::string Decimal::to_string() const {
  Units magnitude = units_ < 0 ? -units_ : units_;
  std::string digits;
  do {
    digits.push_back(char('0' + int(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  while (int(digits.size()) <= scale_) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (scale_ > 0) digits.insert(digits.end() - scale_, '.');
  return units_ < 0 ? "-" + digits : digits;
}

std::string Decimal::to_string(int scale) const { return round_half_up(scale).to_string(); }

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  int scale = std::max(scale_, other.scale_);
  Units a = rescaled(scale), b = other.rescaled(scale);
  if (a < b) return std::strong_ordering::less;
  if (a > b) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

}  // namespace ml::core
