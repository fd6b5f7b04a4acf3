// Configuration as services read it: the input is an environment, one KEY=value a line, read
// through every kind of ConfigReader accessor; then the safe-to-log description and the error list.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "ml/core/config.hpp"

namespace {

std::map<std::string, std::string> environment_of(std::string_view input) {
  std::map<std::string, std::string> env;
  while (!input.empty()) {
    const auto end = input.find('\n');
    const auto line = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    const auto equals = line.find('=');
    if (equals != std::string_view::npos) env[std::string(line.substr(0, equals))] = std::string(line.substr(equals + 1));
  }
  return env;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace std::chrono_literals;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto env = environment_of(input);
  ml::core::ConfigReader reader([&env](const std::string& key) -> std::optional<std::string> {
    if (auto it = env.find(key); it != env.end()) return it->second;
    return std::nullopt;
  });
  (void)reader.text("TEXT", std::nullopt);
  (void)reader.text("SECRET", "fallback", ml::core::Sensitivity::secret);
  (void)reader.integer("INTEGER", 5, -1000, 1000);
  (void)reader.integer("WIDE", std::nullopt, INT64_MIN, INT64_MAX);
  (void)reader.flag("FLAG", false);
  (void)reader.duration("DURATION", 30s);
  (void)reader.duration("TIMEOUT", std::nullopt);
  (void)reader.choice("LEVEL", "info", {"debug", "info", "warn", "error"});
  (void)reader.url("URL", std::nullopt, {"amqp", "amqps"}, ml::core::Sensitivity::secret);
  (void)reader.url("PG_URL", "postgresql://ml@localhost/ml", {"postgresql", "postgres"});
  (void)reader.describe();
  try {
    reader.finish();
  } catch (const ml::core::ConfigError& error) {
    (void)error.problems();
  }
  (void)ml::core::redact_url(input);
  return 0;
}
