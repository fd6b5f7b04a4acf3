// End-to-end throughput and latency: orders created in shipstation-sim and labelled in batches
// (each batch one ORDER_NOTIFY and one SHIP_NOTIFY webhook), through shipstation-ingest, the
// reconciler and qbxml-writer, until the InvoiceAdd is queued for the Web Connector in the
// gateway. Latency per order = gateway enqueue time - the instant its labels were created (the
// simulator sends SHIP_NOTIFY at once). Prints figures; never passes or fails on timing.
#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "ml/merchant_demo/live_changes.hpp"
#include "ml/merchant_demo/stack.hpp"

using namespace ml::merchant_demo;
using Clock = std::chrono::system_clock;

namespace {

std::string env(const char* name) { return std::getenv(name) ? std::getenv(name) : ""; }

double percentile(std::vector<double> values, double p) {
  std::ranges::sort(values);
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  const int batches = argc > 1 ? std::atoi(argv[1]) : 10;
  const int per_batch = argc > 2 ? std::atoi(argv[2]) : 50;
  StackOptions options;
  options.binary_dir = env("ML_BINARY_DIR");
  options.work_dir = options.binary_dir / "artefacts" / "e2e-bench";
  options.pg_url = env("ML_TEST_PG_URL");
  options.amqp_url = env("ML_TEST_AMQP_URL");
  options.rabbit_management_url = env("ML_TEST_RABBIT_MGMT_URL");
  options.name = "e2e_bench";
  options.orders = 0;
  if (options.binary_dir.empty() || options.pg_url.empty() || options.amqp_url.empty() ||
      options.rabbit_management_url.empty() || batches < 1 || per_batch < 1) {
    std::cerr << "usage: ML_BINARY_DIR=build ML_TEST_PG_URL=… ML_TEST_AMQP_URL=… ML_TEST_RABBIT_MGMT_URL=… "
                 "e2e_bench [BATCHES=10] [ORDERS_PER_BATCH=50]\n";
    return 2;
  }
  MerchantStack stack(options);
  std::map<std::string, Clock::time_point> labelled_at;  // order id -> when its SHIP_NOTIFY went out
  const auto started = Clock::now();
  for (int b = 0; b < batches; ++b) {
    const auto ids = create_orders(stack, per_batch, b * per_batch);
    label_orders(stack, ids);
    const auto now = Clock::now();
    for (const auto id : ids) labelled_at[std::to_string(id)] = now;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  stack.wait_settled(std::chrono::minutes(20), {}, Clock::now());

  pqxx::connection connection(stack.database_url());
  pqxx::work tx(connection);
  std::vector<double> latencies;
  Clock::time_point last{};
  for (const auto& row : tx.exec(
           "SELECT p.order_id, extract(epoch FROM min(r.enqueued_at)) FROM reconciler.order_parts p "
           "JOIN qbwc_gateway.requests r ON r.posting_key = p.posting_key AND r.kind = 'write' GROUP BY p.order_id")) {
    const auto at = labelled_at.find(row[0].as<std::string>());
    if (at == labelled_at.end()) continue;
    const auto queued = Clock::time_point(std::chrono::microseconds(static_cast<std::int64_t>(row[1].as<double>() * 1e6)));
    last = std::max(last, queued);
    latencies.push_back(std::chrono::duration<double, std::milli>(queued - at->second).count());
  }
  const int orders = batches * per_batch;
  if (latencies.empty()) {
    std::cout << "no order reached the QuickBooks queue; logs in " << options.work_dir << "\n";
    return 1;
  }
  const double seconds = std::chrono::duration<double>(last - started).count();
  std::printf("orders created and labelled     %d (%d batches of %d, one ORDER_NOTIFY + one SHIP_NOTIFY each)\n",
              orders, batches, per_batch);
  std::printf("InvoiceAdd queued for QBWC      %zu\n", latencies.size());
  std::printf("end-to-end throughput           %.1f orders/s (first order created -> last InvoiceAdd queued, %.1f s)\n",
              static_cast<double>(latencies.size()) / seconds, seconds);
  std::printf("latency webhook -> qbXML queued p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", percentile(latencies, 0.5),
              percentile(latencies, 0.99), percentile(latencies, 1.0));
  return 0;
}
