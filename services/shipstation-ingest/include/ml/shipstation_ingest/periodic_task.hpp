#pragma once
/// A background thread that runs one step every interval, at once after poke(), and again
/// without waiting while the step says there is more to do.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "ml/core/log.hpp"

namespace ml::shipstation_ingest {

class PeriodicTask {
 public:
  /// `step` returns true when it should run again at once; its exceptions are logged.
  PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<bool()> step, core::Logger& log);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();
  void poke();
  /// Lets the current step finish, then ends the thread.
  void stop();

 private:
  void run(std::stop_token stop);

  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<bool()> step_;
  core::Logger& log_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  bool poked_ = false;
  std::jthread thread_;
};

}  // namespace ml::shipstation_ingest
