#pragma once
// The ShipStation simulator in-process on port 0, and a client pointed at it.
#include <utility>

#include <boost/asio/io_context.hpp>

#include <memory>
#include <set>
#include <string>
#include <thread>

#include "ml/shipstation/client.hpp"
#include "ml/shipstation_sim/sim_server.hpp"

namespace ss_test {

namespace sim = ml::shipstation_sim;
namespace ss = ml::shipstation;

ml::core::TimePoint utc(const char* rfc3339);

/// The simulator on a background thread. With a ManualClock, the client's limiter uses the same
/// clock and its waits only move it, so nothing really sleeps.
class RunningSim {
 public:
  explicit RunningSim(sim::SimOptions options, std::shared_ptr<ml::core::ManualClock> clock = nullptr);
  ~RunningSim();

  sim::SimServer& server() { return *server_; }
  sim::Scenario& scenario() { return server_->scenario(); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  /// A client with test-sized retry pauses; `tweak` may change any option.
  std::unique_ptr<ss::Client> client(const std::function<void(ss::ClientOptions&)>& tweak = {});

  /// The id of the account's first store.
  std::int64_t first_store();
  /// Every orderId in the account.
  std::set<std::int64_t> order_ids();

 private:
  std::shared_ptr<ml::core::ManualClock> clock_;
  boost::asio::io_context io_;
  std::unique_ptr<sim::SimServer> server_;
  std::thread thread_;
};

/// A generated merchant month (March 2026) of `orders` orders on a manual clock set after it.
sim::SimOptions month_of(int orders);

/// An order for the first store with one line.
sim::NewOrder simple_order(std::int64_t store_id);

/// Collects what a walk delivers.
template <class Record>
struct Collected {
  std::vector<Record> records;
  ss::PageSink<Record> sink() {
    return [this](std::vector<Record>&& page) {
      for (auto& r : page) records.push_back(std::move(r));
    };
  }
};

}  // namespace ss_test
