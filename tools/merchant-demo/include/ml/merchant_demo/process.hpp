#pragma once
/// A program of ours run as a child process, as it runs in production: configured through its
/// arguments and environment, ready when /readyz answers 200, stopped with SIGTERM.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ml::merchant_demo {

using Environment = std::vector<std::pair<std::string, std::string>>;

/// A TCP port on 127.0.0.1 that nothing listens on right now.
unsigned short free_port();

struct HttpAnswer {
  int status = 0;  ///< 0 when nothing answered
  std::string body;
};

/// One HTTP/1.1 exchange with 127.0.0.1:`port` (10 s timeout); `basic_auth` is "user:password" or empty.
HttpAnswer http_exchange(unsigned short port, const std::string& method, const std::string& target,
                         const std::string& body = {}, const std::string& basic_auth = {});

class ChildProcess {
 public:
  /// Starts `executable` with `arguments`, this process's environment plus `extra` (which wins),
  /// standard output and error going to `log_file` (appended to when `append_log`, else truncated).
  ChildProcess(std::filesystem::path executable, std::vector<std::string> arguments, const Environment& extra,
               std::filesystem::path log_file, bool append_log = false);
  /// Sends SIGTERM and reaps the child if stop() was not called.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Polls /readyz on `port` until 200; false when the child exited or `timeout` passed.
  bool wait_ready(unsigned short port, std::chrono::milliseconds timeout);
  /// SIGTERM, then waits up to `timeout`; the exit status (-1 when it had to be killed, 128+N
  /// when it died of signal N).
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  /// SIGKILL, as a crash or an OOM kill would end it, and reaps it: nothing drains.
  void kill();
  bool running();
  const std::filesystem::path& log_file() const { return log_file_; }

 private:
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  int status_ = -1;
};

}  // namespace ml::merchant_demo
