#pragma once
/// Fault knobs: every one off by default, every one deterministic under a seed.
#include <chrono>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace ml::qbwc_sim {

struct FaultPlan {
  double lose = 0;         ///< Web Connector: the response to an applied request set never reaches the service.
  double timeout = 0;      ///< Web Connector: a SOAP round trip times out after the service received the call.
  double lock = 0;         ///< Company: a write is answered 3175/3180 (record or list locked) and not applied.
  double user_edit = 0;    ///< Company: a "user" edits the invoice just before an InvoiceMod (EditSequence changes).
  double not_running = 0;  ///< Company: QuickBooks is not running when a session opens (connectionError).
  std::chrono::milliseconds delay{0};  ///< Company: processing time per request.
  std::uint64_t seed = 1;

  /// Parses "lose=0.1,lock=0.05,delay=200ms" (rates in [0,1]; delay in ms, "ms"/"s" suffix allowed).
  static std::expected<FaultPlan, std::string> parse(std::string_view spec, std::uint64_t seed = 1);
  /// The plan in the same "key=value,..." form ("none" when everything is off).
  std::string describe() const;
};

/// A seeded random stream for one fault; different streams of one seed are independent.
class FaultDice {
 public:
  FaultDice(std::uint64_t seed, std::string_view stream);
  /// True with the given probability (never for ≤ 0, always for ≥ 1).
  bool roll(double probability);
  std::uint64_t next();

 private:
  std::uint64_t state_;
};

}  // namespace ml::qbwc_sim
