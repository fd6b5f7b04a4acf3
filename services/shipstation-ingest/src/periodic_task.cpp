#include "ml/shipstation_ingest/periodic_task.hpp"

namespace ml::shipstation_ingest {

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<bool()> step,
                           core::Logger& log)
    : name_(std::move(name)), interval_(interval), step_(std::move(step)), log_(log) {}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start() {
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void PeriodicTask::poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

void PeriodicTask::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void PeriodicTask::run(std::stop_token stop) {
  while (!stop.stop_requested()) {
    bool more = false;
    try {
      more = step_();
    } catch (const std::exception& e) {
      log_.error("background step failed", {{"task", name_}, {"error", e.what()}});
    }
    if (more) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, interval_, [this] { return poked_; });
    poked_ = false;
  }
}

}  // namespace ml::shipstation_ingest
