#pragma once
// A service in miniature for the cross-library tests: its own schema (inbox, outbox, an
// `applied` state table), its own scratch topology, and a handler that applies through the inbox.
#include <atomic>
#include <string>

#include "broker_fixture.hpp"
#include "ml/bus/consumer.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/store/store.hpp"

namespace ml::messaging_tests {

using service::publish_through;

class MiniService {
 public:
  explicit MiniService(const std::string& what, std::size_t pool_size = 4);
  ~MiniService();

  const std::string& schema() const { return schema_; }
  const bus::Topology& topology() const { return scratch_.topology(); }
  const std::string& queue() const { return scratch_.queue(); }
  store::ConnectionPool& pool() { return pool_; }

  /// Writes `count` messages "<prefix>-<i>" (routing key test.event) into the outbox.
  void fill_outbox(const std::string& prefix, int count);
  /// Publishes the outbox's unsent rows through `publisher`, `batch` at a time, until none is left.
  void relay_all(bus::Publisher& publisher, std::size_t batch = 500);

  /// process_message: one `applied` row per message id, plus one audit row when `audit` is set.
  store::ProcessOutcome apply(const bus::Delivery& delivery, bool audit = false);
  /// A consumer handler around apply(): Applied/Duplicate ack, InDoubt retries later.
  bus::Handler applying_handler();

  long applied_rows();
  long distinct_applied();
  long audit_rows();

  std::atomic<long> applied{0};
  std::atomic<long> duplicates{0};

 private:
  std::string schema_;
  bus::testing::ScratchTopology scratch_;
  store::ConnectionPool pool_;
};

/// Fast-reacting consumer options for tests.
bus::ConsumerOptions test_consumer_options();

/// Publisher options declaring `topology`.
bus::PublisherOptions test_publisher_options(const bus::Topology& topology);


}  // namespace ml::messaging_tests
