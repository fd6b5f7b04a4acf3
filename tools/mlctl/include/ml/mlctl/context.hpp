#pragma once
/// What every mlctl command gets: where PostgreSQL, RabbitMQ's management API and the reconciler
/// are, the output format, and the stream to write to.
#include <ostream>
#include <stdexcept>
#include <string>

namespace ml::mlctl {

enum class Format { table, json, csv };

struct Settings {
  std::string pg_url;           ///< --pg / ML_PG_URL
  std::string rabbit_url;       ///< --rabbit / ML_RABBIT_MGMT_URL, e.g. http://127.0.0.1:15672/
  std::string rabbit_user = "guest";      ///< --rabbit-user / ML_RABBIT_USER
  std::string rabbit_password = "guest";  ///< --rabbit-password / ML_RABBIT_PASSWORD
  std::string vhost = "/";      ///< --vhost / ML_RABBIT_VHOST
  std::string reconciler_url;   ///< --reconciler / ML_RECONCILER_URL (POST /revalidate)
  std::string operator_name = "mlctl";  ///< who resolves alerts unless --by says: $USER
  Format format = Format::table;
};

/// A command that cannot do what was asked: the message says what and why; exit status 1.
struct CommandError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
/// The command line itself is wrong: the message and the usage are printed; exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Context {
  Settings settings;
  std::ostream& out;

  /// The setting, or CommandError naming the option and variable that provide it.
  const std::string& required(std::string Settings::*field, const char* option, const char* variable) const;
};

}  // namespace ml::mlctl
