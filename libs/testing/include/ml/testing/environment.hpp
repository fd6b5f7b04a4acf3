#pragma once
/// Where tests find the outside world: ../shared reference data, and the private PostgreSQL and
/// RabbitMQ that ./scripts/test starts.
#include <filesystem>
#include <optional>
#include <string>

namespace ml::testing {

/// The shared/ reference folder: $ML_SHARED_DIR, else ../shared beside the source tree.
/// Empty (after printing why) when it is absent, so a test can skip with a reason.
std::optional<std::filesystem::path> shared_dir();

/// Value of a variable that ./scripts/test exports; throws with a hint when it is unset.
std::string required_env(const char* name);

/// postgresql:// URL of the test database ($ML_TEST_PG_URL).
std::string pg_url();
/// amqp:// URL of the test broker ($ML_TEST_AMQP_URL).
std::string amqp_url();
/// http:// URL of the test broker's management API ($ML_TEST_RABBIT_MGMT_URL).
std::string rabbit_mgmt_url();

/// Runs `scripts/dev-services ACTION` against the test instances (e.g. "restart-rabbit");
/// returns the exit status.
int services_ctl(const std::string& action);

/// The source tree's root ($ML_SOURCE_DIR, set by ctest).
std::filesystem::path source_dir();
/// The build tree's root ($ML_BINARY_DIR, set by ctest).
std::filesystem::path binary_dir();

}  // namespace ml::testing
