#pragma once
/// A small seeded generator (SplitMix64) whose output is the same on every platform and library,
/// unlike std:: distributions; the simulator's data and keys depend only on the seed.
#include <cstdint>
#include <string>

namespace ml::shipstation_sim {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next();
  /// Uniform in [0, bound); bound must be > 0.
  std::uint64_t below(std::uint64_t bound);
  /// Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high);
  /// True with probability per_mille / 1000.
  bool chance(unsigned per_mille);
  /// `digits` lower-case hexadecimal characters.
  std::string hex(int digits);
  /// A version-4-shaped UUID in canonical lower-case form.
  std::string uuid();

 private:
  std::uint64_t state_;
};

}  // namespace ml::shipstation_sim
