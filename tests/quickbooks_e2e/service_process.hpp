#pragma once
// A service executable run as a child process, as it runs in production: configured through its
// environment, ready when /readyz answers 200, stopped with SIGTERM.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ml::quickbooks_e2e {

using Environment = std::vector<std::pair<std::string, std::string>>;

/// A TCP port on 127.0.0.1 that nothing listens on right now.
unsigned short free_port();

/// The HTTP status of GET http://127.0.0.1:<port><target>, or 0 when nothing answers.
int http_get_status(unsigned short port, const std::string& target);

class ServiceProcess {
 public:
  /// Starts `executable` with this process's environment plus `extra` (which wins), its output
  /// going to `log_file`.
  ServiceProcess(std::filesystem::path executable, const Environment& extra, std::filesystem::path log_file);
  /// Sends SIGTERM and reaps the child if stop() was not called.
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  /// Polls /readyz on `port` until 200; false when the child exited or `timeout` passed.
  bool wait_ready(unsigned short port, std::chrono::milliseconds timeout);
  /// SIGTERM, then waits up to `timeout`; returns the exit status (-1 when it had to be killed,
  /// 128+N when it died of signal N).
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  bool running();
  const std::filesystem::path& log_file() const { return log_file_; }

 private:
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  int status_ = -1;
};

}  // namespace ml::quickbooks_e2e
