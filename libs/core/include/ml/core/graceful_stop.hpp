#pragma once
/// Graceful stop on SIGTERM/SIGINT: run the stop actions (stop accepting, ask workers to drain),
/// then let the I/O loop finish; if it has not finished by the deadline, stop it and report.
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "ml/core/log.hpp"

namespace ml::core {

class GracefulStop {
 public:
  GracefulStop(boost::asio::io_context& io, Logger& log, std::chrono::milliseconds deadline);
  ~GracefulStop();

  /// Registers an action to run, in registration order, when the stop begins.
  void on_stop(std::function<void()> action);
  /// Begins the stop as if a signal had arrived (idempotent).
  void request();
  bool requested() const { return requested_; }
  /// 0 after a clean drain, 1 when the deadline forced the stop.
  int exit_code() const { return forced_ ? 1 : 0; }

 private:
  void watch_deadline();

  boost::asio::io_context& io_;
  Logger& log_;
  std::chrono::milliseconds deadline_;
  boost::asio::signal_set signals_;
  std::vector<std::function<void()>> actions_;
  std::atomic<bool> requested_{false};
  std::atomic<bool> forced_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool destroyed_ = false;
  std::thread watchdog_;
};

}  // namespace ml::core
