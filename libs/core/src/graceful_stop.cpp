#include "ml/core/graceful_stop.hpp"

#include <csignal>

namespace ml::core {

GracefulStop::GracefulStop(boost::asio::io_context& io, Logger& log, std::chrono::milliseconds deadline)
    : io_(io), log_(log), deadline_(deadline), signals_(io, SIGTERM, SIGINT) {
  signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log_.info("stop signal received", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
    request();
  });
}

GracefulStop::~GracefulStop() {
  {
    std::lock_guard lock(mutex_);
    destroyed_ = true;
  }
  cv_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
}

void GracefulStop::on_stop(std::function<void()> action) { actions_.push_back(std::move(action)); }

void GracefulStop::request() {
  if (requested_.exchange(true)) return;
  boost::system::error_code ignored;
  signals_.cancel(ignored);
  watchdog_ = std::thread([this] { watch_deadline(); });
  for (auto& action : actions_) action();
}

void GracefulStop::watch_deadline() {
  std::unique_lock lock(mutex_);
  if (cv_.wait_for(lock, deadline_, [this] { return destroyed_; })) return;
  forced_ = true;
  log_.error("drain did not finish within the deadline; stopping now",
             {{"deadline_ms", static_cast<std::int64_t>(deadline_.count())}});
  io_.stop();
}

}  // namespace ml::core
