#pragma once
/// Kills services at random moments while the merchant month flows: every few seconds a random
/// service gets SIGKILL and is started again; once along the way RabbitMQ is restarted, once
/// PostgreSQL. Seeded, so a failing run can be replayed.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ml/merchant_demo/stack.hpp"

namespace ml::chaos {

struct ChaosPlan {
  std::uint64_t seed = 1;
  int kills = 20;  ///< services killed in all (spread over the four); the restarts come at 1/3 and 2/3
  std::chrono::milliseconds shortest_pause{1500};
  std::chrono::milliseconds longest_pause{4000};
};

class ChaosDriver {
 public:
  /// Starts the driver thread.
  ChaosDriver(merchant_demo::MerchantStack& stack, ChaosPlan plan);
  /// stop().
  ~ChaosDriver();
  ChaosDriver(const ChaosDriver&) = delete;
  ChaosDriver& operator=(const ChaosDriver&) = delete;

  /// Blocks until at least `kills` kills were done or the plan is complete (true), or `timeout` passed.
  bool wait_for_kills(int kills, std::chrono::milliseconds timeout);
  /// Ends the plan early (if not complete) and joins the thread.
  void stop();

  int kills() const { return kills_done_; }
  std::map<std::string, int> kills_by_service() const;
  int broker_restarts() const { return broker_restarts_; }
  int database_restarts() const { return database_restarts_; }
  /// What did not come back ("reconciler did not become ready; see …", "restart-pg exited 1").
  std::vector<std::string> failures() const;

 private:
  void run();
  bool pause(std::chrono::milliseconds duration);
  void kill_one(const std::string& name);
  void restart_infrastructure(const std::string& action, std::atomic<int>& count);

  merchant_demo::MerchantStack& stack_;
  ChaosPlan plan_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool stopping_ = false;
  bool done_ = false;
  std::atomic<int> kills_done_{0}, broker_restarts_{0}, database_restarts_{0};
  std::map<std::string, int> kills_by_service_;
  std::vector<std::string> failures_;
  std::thread thread_;
};

}  // namespace ml::chaos
