#include "ml/core/log.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <iostream>

namespace ml::core {
namespace {

const char* level_name(LogLevel level) {
  switch (level) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warn: return "warn";
    case LogLevel::error: return "error";
  }
  return "info";
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view text) {
  for (auto level : {LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error})
    if (text == level_name(level)) return level;
  return std::nullopt;
}

Logger::Logger(std::string service, std::ostream* out, std::shared_ptr<const Clock> clock)
    : service_(std::move(service)),
      out_(out ? out : &std::cerr),
      clock_(clock ? std::move(clock) : std::make_shared<SystemClock>()) {}

void Logger::log(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields) {
  if (level < level_) return;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto string = [&w](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  w.StartObject();
  w.Key("ts");
  string(format_rfc3339(clock_->now()));
  w.Key("level");
  w.String(level_name(level));
  w.Key("service");
  string(service_);
  w.Key("msg");
  string(msg);
  for (const auto& field : fields) {
    string(field.key);
    std::visit([&](const auto& v) {
      using V = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<V, std::string>) string(v);
      else if constexpr (std::is_same_v<V, std::int64_t>) w.Int64(v);
      else if constexpr (std::is_same_v<V, double>) w.Double(v);
      else w.Bool(v);
    }, field.value);
  }
  w.EndObject();
  std::lock_guard lock(mutex_);
  *out_ << buffer.GetString() << '\n' << std::flush;
}

}  // namespace ml::core
