#include "ml/qbwc_sim/faults.hpp"

#include <charconv>
#include <cstdio>
#include <vector>

namespace ml::qbwc_sim {
namespace {

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001B3ULL;
  return h;
}

std::expected<double, std::string> parse_rate(std::string_view key, std::string_view value) {
  double rate = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), rate);
  if (ec != std::errc{} || end != value.data() + value.size() || rate < 0 || rate > 1)
    return std::unexpected("fault '" + std::string(key) + "': '" + std::string(value) +
                           "' is not a rate between 0 and 1");
  return rate;
}

std::expected<std::chrono::milliseconds, std::string> parse_delay(std::string_view value) {
  long long factor = 1;
  if (value.ends_with("ms")) value.remove_suffix(2);
  else if (value.ends_with("s")) value.remove_suffix(1), factor = 1000;
  long long amount = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), amount);
  if (ec != std::errc{} || end != value.data() + value.size() || amount < 0)
    return std::unexpected("fault 'delay': '" + std::string(value) + "' is not a duration like 200ms or 2s");
  return std::chrono::milliseconds(amount * factor);
}

std::string rate_text(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", rate);
  return buf;
}

}  // namespace

std::expected<FaultPlan, std::string> FaultPlan::parse(std::string_view spec, std::uint64_t seed) {
  FaultPlan plan;
  plan.seed = seed;
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const auto item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    if (item.empty() || item == "none") continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos)
      return std::unexpected("fault '" + std::string(item) + "' needs a value (key=value)");
    const auto key = item.substr(0, eq);
    const auto value = item.substr(eq + 1);
    if (key == "delay") {
      auto delay = parse_delay(value);
      if (!delay) return std::unexpected(delay.error());
      plan.delay = *delay;
      continue;
    }
    double* target = key == "lose" ? &plan.lose
                     : key == "timeout" ? &plan.timeout
                     : key == "lock" ? &plan.lock
                     : key == "user_edit" ? &plan.user_edit
                     : key == "not_running" ? &plan.not_running
                                            : nullptr;
    if (!target)
      return std::unexpected("unknown fault '" + std::string(key) +
                             "' (known: lose, timeout, lock, user_edit, not_running, delay)");
    auto rate = parse_rate(key, value);
    if (!rate) return std::unexpected(rate.error());
    *target = *rate;
  }
  return plan;
}

std::string FaultPlan::describe() const {
  std::vector<std::string> parts;
  const std::pair<const char*, double> rates[] = {
      {"lose", lose}, {"timeout", timeout}, {"lock", lock}, {"user_edit", user_edit}, {"not_running", not_running}};
  for (const auto& [key, rate] : rates)
    if (rate > 0) parts.push_back(std::string(key) + "=" + rate_text(rate));
  if (delay.count() > 0) parts.push_back("delay=" + std::to_string(delay.count()) + "ms");
  if (parts.empty()) return "none";
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}

FaultDice::FaultDice(std::uint64_t seed, std::string_view stream) : state_(seed ^ fnv1a(stream)) {}

std::uint64_t FaultDice::next() { return splitmix(state_); }

bool FaultDice::roll(double probability) {
  if (probability <= 0) return false;
  if (probability >= 1) return true;
  return static_cast<double>(next() >> 11) * 0x1.0p-53 < probability;
}

}  // namespace ml::qbwc_sim
