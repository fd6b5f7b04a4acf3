#include "ml/core/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace ml::core {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text = "configuration is invalid (" + std::to_string(lines.size()) + " problem" +
                     (lines.size() == 1 ? "" : "s") + "):";
  for (const auto& line : lines) text += "\n  - " + line;
  return text;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::optional<std::int64_t> to_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error(join_lines(problems)), problems_(std::move(problems)) {}

Environment process_environment() {
  return [](const std::string& key) -> std::optional<std::string> {
    const char* value = std::getenv(key.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

ConfigReader::ConfigReader(Environment env) : env_(std::move(env)) {}

void ConfigReader::problem(const std::string& key, const std::string& what) {
  problems_.push_back(key + ": " + what);
}

std::optional<std::string> ConfigReader::lookup(const std::string& key,
                                                const std::optional<std::string>& fallback,
                                                Sensitivity sensitivity) {
  auto value = env_(key);
  if (value && value->empty()) value.reset();
  if (!value) value = fallback;
  if (!value) {
    problem(key, "required but not set");
    return std::nullopt;
  }
  shown_.push_back({key, *value, sensitivity});
  return value;
}

std::string ConfigReader::text(const std::string& key, std::optional<std::string> fallback,
                               Sensitivity sensitivity) {
  return lookup(key, fallback, sensitivity).value_or("");
}

std::int64_t ConfigReader::integer(const std::string& key, std::optional<std::int64_t> fallback,
                                   std::int64_t min, std::int64_t max) {
  auto raw = lookup(key, fallback ? std::optional(std::to_string(*fallback)) : std::nullopt,
                    Sensitivity::plain);
  if (!raw) return fallback.value_or(min);
  auto value = to_integer(*raw);
  if (!value) {
    problem(key, "'" + *raw + "' is not a whole number");
    return fallback.value_or(min);
  }
  if (*value < min || *value > max) {
    problem(key, std::to_string(*value) + " is outside " + std::to_string(min) + ".." +
                     std::to_string(max));
    return fallback.value_or(min);
  }
  return *value;
}

bool ConfigReader::flag(const std::string& key, bool fallback) {
  auto raw = lower(*lookup(key, fallback ? "true" : "false", Sensitivity::plain));
  if (raw == "true" || raw == "1" || raw == "yes" || raw == "on") return true;
  if (raw == "false" || raw == "0" || raw == "no" || raw == "off") return false;
  problem(key, "'" + raw + "' is not one of true/false, 1/0, yes/no, on/off");
  return fallback;
}

std::chrono::milliseconds ConfigReader::duration(
    const std::string& key, std::optional<std::chrono::milliseconds> fallback) {
  auto raw = lookup(key, fallback ? std::optional(std::to_string(fallback->count()) + "ms") : std::nullopt,
                    Sensitivity::plain);
  const auto default_value = fallback.value_or(std::chrono::milliseconds(0));
  if (!raw) return default_value;
  static const std::vector<std::pair<std::string, std::int64_t>> units = {
      {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}};
  std::string_view text = *raw;
  std::int64_t factor = 1000;
  for (const auto& [suffix, ms] : units) {
    if (text.ends_with(suffix) && text.size() > suffix.size() &&
        std::isdigit(static_cast<unsigned char>(text[text.size() - suffix.size() - 1]))) {
      text.remove_suffix(suffix.size());
      factor = ms;
      break;
    }
  }
  auto value = to_integer(text);
  if (!value || *value < 0) {
    problem(key, "'" + *raw + "' is not a duration such as 500ms, 30s, 5m or 2h");
    return default_value;
  }
  if (*value > std::numeric_limits<std::int64_t>::max() / factor) {
    problem(key, "'" + *raw + "' is too long a duration");
    return default_value;
  }
  return std::chrono::milliseconds(*value * factor);
}

std::string ConfigReader::choice(const std::string& key, std::string fallback,
                                 const std::vector<std::string>& choices) {
  auto raw = *lookup(key, fallback, Sensitivity::plain);
  if (std::find(choices.begin(), choices.end(), raw) != choices.end()) return raw;
  std::string allowed;
  for (const auto& c : choices) allowed += (allowed.empty() ? "" : ", ") + c;
  problem(key, "'" + raw + "' is not one of " + allowed);
  return fallback;
}

std::string ConfigReader::url(const std::string& key, std::optional<std::string> fallback,
                              const std::vector<std::string>& schemes, Sensitivity sensitivity) {
  auto raw = lookup(key, fallback, sensitivity);
  if (!raw) return "";
  auto colon = raw->find("://");
  std::string scheme = colon == std::string::npos ? "" : lower(raw->substr(0, colon));
  if (std::find(schemes.begin(), schemes.end(), scheme) == schemes.end()) {
    std::string expected;
    for (const auto& s : schemes) expected += (expected.empty() ? "" : ", ") + s + "://";
    problem(key, "'" + redact_url(*raw) + "' must start with " + expected);
  }
  return *raw;
}

void ConfigReader::finish() const {
  if (!problems_.empty()) throw ConfigError(problems_);
}

std::vector<std::string> ConfigReader::describe() const {
  std::vector<std::string> lines;
  for (const auto& s : shown_)
    lines.push_back(s.key + "=" + (s.sensitivity == Sensitivity::secret ? "***" : redact_url(s.value)));
  return lines;
}

std::string redact_url(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  auto authority_end = url.find_first_of("/?#", scheme + 3);
  auto at = url.rfind('@', authority_end);
  if (at == std::string_view::npos || at < scheme) return std::string(url);
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace ml::core
