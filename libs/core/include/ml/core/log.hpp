#pragma once
/// JSON-lines logging: one object per line with ts, level, service, msg and the given fields.
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "ml/core/clock.hpp"

namespace ml::core {

enum class LogLevel { debug, info, warn, error };

/// Parses "debug", "info", "warn", "error"; nullopt otherwise.
std::optional<LogLevel> parse_log_level(std::string_view text);

/// One structured field of a log line.
struct LogField {
  std::string key;
  std::variant<std::string, std::int64_t, double, bool> value;

  LogField(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  LogField(std::string k, const char* v) : key(std::move(k)), value(std::string(v)) {}
  LogField(std::string k, std::string_view v) : key(std::move(k)), value(std::string(v)) {}
  LogField(std::string k, std::int64_t v) : key(std::move(k)), value(v) {}
  LogField(std::string k, int v) : key(std::move(k)), value(std::int64_t{v}) {}
  LogField(std::string k, std::size_t v) : key(std::move(k)), value(static_cast<std::int64_t>(v)) {}
  LogField(std::string k, double v) : key(std::move(k)), value(v) {}
  LogField(std::string k, bool v) : key(std::move(k)), value(v) {}
};

/// Thread-safe JSON-lines logger for one service. Never logs secrets: callers pass redacted values.
class Logger {
 public:
  /// Writes to `out` (stderr by default).
  explicit Logger(std::string service, std::ostream* out = nullptr,
                  std::shared_ptr<const Clock> clock = nullptr);

  void set_level(LogLevel level) { level_ = level; }
  LogLevel level() const { return level_; }

  void log(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields = {});
  void debug(std::string_view msg, std::initializer_list<LogField> fields = {}) { log(LogLevel::debug, msg, fields); }
  void info(std::string_view msg, std::initializer_list<LogField> fields = {}) { log(LogLevel::info, msg, fields); }
  void warn(std::string_view msg, std::initializer_list<LogField> fields = {}) { log(LogLevel::warn, msg, fields); }
  void error(std::string_view msg, std::initializer_list<LogField> fields = {}) { log(LogLevel::error, msg, fields); }

 private:
  std::string service_;
  std::ostream* out_;
  std::shared_ptr<const Clock> clock_;
  LogLevel level_ = LogLevel::info;
  std::mutex mutex_;
};

}  // namespace ml::core
