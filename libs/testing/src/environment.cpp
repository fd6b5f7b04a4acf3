#include "ml/testing/environment.hpp"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace ml::testing {

std::filesystem::path source_dir() {
  const char* dir = std::getenv("ML_SOURCE_DIR");
  return dir ? std::filesystem::path(dir) : std::filesystem::current_path();
}

std::filesystem::path binary_dir() {
  const char* dir = std::getenv("ML_BINARY_DIR");
  return dir ? std::filesystem::path(dir) : std::filesystem::current_path();
}

std::optional<std::filesystem::path> shared_dir() {
  const char* env = std::getenv("ML_SHARED_DIR");
  std::filesystem::path dir = env ? std::filesystem::path(env) : source_dir().parent_path() / "shared";
  if (std::filesystem::is_directory(dir)) return dir;
  std::cerr << "SKIPPED: reference folder " << dir
            << " is absent (set ML_SHARED_DIR to the shared/ folder to run this check)\n";
  return std::nullopt;
}

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value)
    throw std::runtime_error(std::string(name) +
                             " is not set: run the tests through ./scripts/test, which starts "
                             "private PostgreSQL and RabbitMQ and exports it");
  return value;
}

std::string pg_url() { return required_env("ML_TEST_PG_URL"); }
std::string amqp_url() { return required_env("ML_TEST_AMQP_URL"); }
std::string rabbit_mgmt_url() { return required_env("ML_TEST_RABBIT_MGMT_URL"); }

int services_ctl(const std::string& action) {
  const std::string command = required_env("ML_TEST_SERVICES_CTL") + " " + action + " >&2";
  return std::system(command.c_str());
}

}  // namespace ml::testing
