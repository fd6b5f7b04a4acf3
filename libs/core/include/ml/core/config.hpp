#pragma once
/// Typed configuration from environment variables. Every missing or invalid key is collected and
/// reported at once by `finish()`, so an operator fixes the whole list in one go.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ml::core {

/// Thrown by ConfigReader::finish(); what() lists every problem, one per line.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

/// Looks a variable up; the default reads the process environment.
using Environment = std::function<std::optional<std::string>(const std::string&)>;
Environment process_environment();

/// Whether a value may be printed (secrets are shown as "***").
enum class Sensitivity { plain, secret };

class ConfigReader {
 public:
  explicit ConfigReader(Environment env = process_environment());

  /// A string; required when `fallback` is empty.
  std::string text(const std::string& key, std::optional<std::string> fallback,
                   Sensitivity sensitivity = Sensitivity::plain);
  /// A whole number within [min, max].
  std::int64_t integer(const std::string& key, std::optional<std::int64_t> fallback,
                       std::int64_t min, std::int64_t max);
  /// true/false, 1/0, yes/no, on/off.
  bool flag(const std::string& key, bool fallback);
  /// A duration such as "250ms", "30s", "5m", "2h" (a bare number means seconds).
  std::chrono::milliseconds duration(const std::string& key,
                                     std::optional<std::chrono::milliseconds> fallback);
  /// One of `choices` (exact spelling), e.g. a log level.
  std::string choice(const std::string& key, std::string fallback, const std::vector<std::string>& choices);
  /// A URL whose scheme is one of `schemes` (e.g. {"amqp", "amqps"}).
  std::string url(const std::string& key, std::optional<std::string> fallback,
                  const std::vector<std::string>& schemes,
                  Sensitivity sensitivity = Sensitivity::plain);

  /// Throws ConfigError naming every missing or invalid key read so far.
  void finish() const;

  /// "KEY=value" for every key read, secrets and URL passwords redacted; safe to log.
  std::vector<std::string> describe() const;

 private:
  std::optional<std::string> lookup(const std::string& key, const std::optional<std::string>& fallback,
                                    Sensitivity sensitivity);
  void problem(const std::string& key, const std::string& what);

  struct Shown {
    std::string key;
    std::string value;
    Sensitivity sensitivity;
  };
  Environment env_;
  std::vector<std::string> problems_;
  std::vector<Shown> shown_;
};

/// The URL with any password replaced by "***" ("amqp://ml:***@host/").
std::string redact_url(std::string_view url);

}  // namespace ml::core
