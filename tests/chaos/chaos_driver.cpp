#include "chaos_driver.hpp"

#include <algorithm>
#include <iostream>
#include <random>

#include "ml/testing/environment.hpp"

namespace ml::chaos {

ChaosDriver::ChaosDriver(merchant_demo::MerchantStack& stack, ChaosPlan plan)
    : stack_(stack), plan_(plan), thread_([this] { run(); }) {}

ChaosDriver::~ChaosDriver() { stop(); }

void ChaosDriver::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ChaosDriver::wait_for_kills(int kills, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return done_ || kills_done_ >= kills; });
}

std::map<std::string, int> ChaosDriver::kills_by_service() const {
  std::lock_guard lock(mutex_);
  return kills_by_service_;
}

std::vector<std::string> ChaosDriver::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

bool ChaosDriver::pause(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  return !changed_.wait_for(lock, duration, [&] { return stopping_; });
}

void ChaosDriver::run() {
  std::mt19937_64 random(plan_.seed);
  std::uniform_int_distribution<std::int64_t> pause_ms(plan_.shortest_pause.count(), plan_.longest_pause.count());
  // Shuffled rounds over the four services, so every one is killed about kills/4 times.
  std::vector<std::string> round;
  for (int kill = 0; kill < plan_.kills; ++kill) {
    if (!pause(std::chrono::milliseconds(pause_ms(random)))) break;
    if (round.empty()) {
      round = merchant_demo::MerchantStack::service_names();
      std::ranges::shuffle(round, random);
    }
    kill_one(round.back());
    round.pop_back();
    if (kill + 1 == plan_.kills / 3) restart_infrastructure("restart-rabbit", broker_restarts_);
    if (kill + 1 == 2 * plan_.kills / 3) restart_infrastructure("restart-pg", database_restarts_);
  }
  std::lock_guard lock(mutex_);
  done_ = true;
  changed_.notify_all();
}

void ChaosDriver::kill_one(const std::string& name) {
  std::cout << "  chaos: kill -9 " << name << std::endl;
  try {
    stack_.kill_and_restart(name);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    failures_.push_back(e.what());
  }
  std::lock_guard lock(mutex_);
  ++kills_by_service_[name];
  ++kills_done_;
  changed_.notify_all();
}

void ChaosDriver::restart_infrastructure(const std::string& action, std::atomic<int>& count) {
  std::cout << "  chaos: " << action << std::endl;
  if (const int status = testing::services_ctl(action); status != 0) {
    std::lock_guard lock(mutex_);
    failures_.push_back(action + " exited " + std::to_string(status));
    return;
  }
  ++count;
}

}  // namespace ml::chaos
