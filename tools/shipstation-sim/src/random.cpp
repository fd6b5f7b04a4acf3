#include "ml/shipstation_sim/random.hpp"

namespace ml::shipstation_sim {

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t Random::below(std::uint64_t bound) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t value = next();
  while (value >= limit) value = next();
  return value % bound;
}

std::int64_t Random::between(std::int64_t low, std::int64_t high) {
  return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
}

bool Random::chance(unsigned per_mille) { return below(1000) < per_mille; }

std::string Random::hex(int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(static_cast<std::size_t>(digits));
  for (int i = 0; i < digits; ++i) out += kHex[below(16)];
  return out;
}

std::string Random::uuid() {
  std::string id = hex(8) + "-" + hex(4) + "-4" + hex(3) + "-";
  id += "89ab"[below(4)];
  return id + hex(3) + "-" + hex(12);
}

}  // namespace ml::shipstation_sim
