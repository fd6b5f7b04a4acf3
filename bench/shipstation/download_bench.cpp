// Requests and wall time to download N orders with their shipments from the simulator, against
// the minimum ceil(N/500) requests per list and the wall time the 40-per-minute limit implies.
//
//   shipstation_download_bench [orders=10000] [scaled window ms=1000]
//
// The measured run shortens the simulator's 60 s window to the given milliseconds (same limit of
// 40); the limiter's waits are then scaled back to 60 s windows for the projection.
#include <utility>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include "ml/shipstation/client.hpp"
#include "ml/shipstation_sim/sim_server.hpp"

namespace ss = ml::shipstation;
namespace sim = ml::shipstation_sim;
using namespace std::chrono_literals;

namespace {

struct Run {
  std::int64_t orders = 0, shipments = 0, order_requests = 0, shipment_requests = 0;
  std::uint64_t rate_limited = 0;
  double seconds = 0;
  std::chrono::milliseconds waited{0};
};

Run download(int orders, std::chrono::milliseconds window) {
  boost::asio::io_context io;
  sim::SimOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.rate_window = window;
  options.month = sim::GeneratorOptions{.seed = 11, .orders = orders};
  sim::SimServer server(io, options);
  if (auto ec = server.start()) {
    std::fprintf(stderr, "simulator cannot listen: %s\n", ec.message().c_str());
    std::exit(1);
  }
  std::thread thread([&] { io.run(); });

  ss::ClientOptions client_options;
  client_options.base_url = "http://127.0.0.1:" + std::to_string(server.port());
  client_options.api_key = options.api_key;
  client_options.api_secret = options.api_secret;
  auto limiter = std::make_shared<ss::RateLimiter>(
      std::make_shared<ml::core::SystemClock>(), ss::real_sleeper(),
      ss::RateLimiterOptions{.window = window, .reset_margin = std::max(window / 60, 20ms)});
  ss::Client client(client_options, limiter);

  const ss::Window month{*ml::core::parse_rfc3339("2026-02-01T00:00:00Z"),
                         *ml::core::parse_rfc3339("2026-05-01T00:00:00Z")};
  Run run;
  const auto started = std::chrono::steady_clock::now();
  const auto order_walk = client.orders_modified(month, [&](std::vector<ss::Order>&& page) {
    run.orders += static_cast<std::int64_t>(page.size());
  });
  const auto shipment_walk = client.shipments_created(month, [&](std::vector<ss::Shipment>&& page) {
    run.shipments += static_cast<std::int64_t>(page.size());
  });
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!order_walk || !shipment_walk) {
    std::fprintf(stderr, "walk failed: %s\n",
                 (!order_walk ? order_walk.error() : shipment_walk.error()).message.c_str());
    std::exit(1);
  }
  run.order_requests = order_walk->requests;
  run.shipment_requests = shipment_walk->requests;
  run.rate_limited = server.counters().rate_limited;
  run.waited = limiter->waited();
  server.stop();
  io.stop();
  thread.join();
  return run;
}

std::int64_t pages(std::int64_t records) { return std::max<std::int64_t>(1, (records + 499) / 500); }

/// Seconds before the last of `requests` may go out at 40 per fixed 60 s window.
double implied_seconds(std::int64_t requests, int limit = 40) { return 60.0 * static_cast<double>((requests - 1) / limit); }

}  // namespace

int main(int argc, char** argv) {
  const int orders = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const auto window = std::chrono::milliseconds(argc > 2 ? std::atoi(argv[2]) : 1000);
  const Run run = download(orders, window);
  const std::int64_t requests = run.order_requests + run.shipment_requests;
  const std::int64_t minimum = pages(run.orders) + pages(run.shipments);
  const double scale = 60'000.0 / static_cast<double>(window.count());

  std::printf("ShipStation download: %lld orders, %lld shipments (generated month, %d orders asked)\n",
              static_cast<long long>(run.orders), static_cast<long long>(run.shipments), orders);
  std::printf("  requests used        : %lld (orders %lld + shipments %lld)\n", static_cast<long long>(requests),
              static_cast<long long>(run.order_requests), static_cast<long long>(run.shipment_requests));
  std::printf("  minimum (ceil(N/500)): %lld (orders %lld + shipments %lld)\n", static_cast<long long>(minimum),
              static_cast<long long>(pages(run.orders)), static_cast<long long>(pages(run.shipments)));
  std::printf("  429 responses        : %llu\n", static_cast<unsigned long long>(run.rate_limited));
  std::printf("  implied at 40/min    : %.0f s of waiting for %lld requests (computed)\n", implied_seconds(requests),
              static_cast<long long>(requests));
  const double waited = std::chrono::duration<double>(run.waited).count();
  std::printf("  measured             : %.2f s wall with a %lld ms window: %.2f s waiting for the limiter, %.2f s transfer+parse\n",
              run.seconds, static_cast<long long>(window.count()), waited, run.seconds - waited);
  std::printf("  projected at 60 s    : %.0f s (the waits scaled to 60 s windows plus the transfer+parse time)\n",
              waited * scale + (run.seconds - waited));
  return 0;
}
