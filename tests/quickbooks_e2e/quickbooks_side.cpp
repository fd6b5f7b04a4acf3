#include "quickbooks_side.hpp"

#include <amqp.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <iostream>
#include <thread>

#include "broker_fixture.hpp"
#include "ml/bus/connection.hpp"
#include "ml/core/clock.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/qbwc_gateway/password.hpp"
#include "ml/service/publishing.hpp"
#include "ml/service/topology.hpp"
#include "ml/testing/environment.hpp"

namespace ml::quickbooks_e2e {

namespace {

constexpr auto kReadyTimeout = std::chrono::seconds(60);

std::filesystem::path log_path(const std::string& service) {
  static int started = 0;
  return std::filesystem::temp_directory_path() / ("ml-quickbooks-e2e-" + std::to_string(::getpid()) + "-" +
                                                   std::to_string(++started) + "-" + service + ".log");
}

Environment common_environment(unsigned short http_port) {
  return {{"ML_PG_URL", ml::testing::pg_url()},
          {"ML_AMQP_URL", ml::testing::amqp_url()},
          {"ML_HTTP_ADDRESS", "127.0.0.1"},
          {"ML_HTTP_PORT", std::to_string(http_port)},
          {"ML_OUTBOX_RELAY_INTERVAL", "100ms"},
          {"ML_DRAIN_DEADLINE", "5s"},
          {"ML_LOG_LEVEL", "info"}};
}

Environment gateway_environment(unsigned short port) {
  auto environment = common_environment(port);
  const std::string url = "http://localhost:" + std::to_string(port) + "/qbwc";
  environment.insert(environment.end(),
                     {{"ML_QBWC_USER", kWebConnectorUser},
                      // Few iterations: the hash is checked at every authenticate and the test runs many sessions.
                      {"ML_QBWC_PASSWORD_HASH", qbwc_gateway::hash_password(kWebConnectorPassword, 1000).to_string()},
                      {"ML_QBWC_PUBLIC_URL", url},
                      {"ML_QBWC_OWNER_ID", "{2F1A7C3E-5B9D-4E61-8A27-C4D0E9B3F175}"},
                      {"ML_QBWC_FILE_ID", "{8C5E2B91-3D4F-4A7B-9E16-F0A2B7C8D394}"},
                      {"ML_QBWC_TICKET_TTL", "20s"},
                      {"ML_QBWC_SWEEP_INTERVAL", "1s"},
                      {"ML_QBWC_IDLE_POSTPONE", "1s"},
                      // The writer settles in-doubt writes at a session start, so sessions must open when idle too.
                      {"ML_QBWC_IDLE_SESSION_EVERY", "1s"},
                      {"ML_QBWC_FIRST_WORK_WAIT", "2s"},
                      {"ML_QBWC_WORK_WAIT", "1s"}});
  return environment;
}

std::filesystem::path service_binary(const std::string& folder) {
  return ml::testing::binary_dir() / "services" / folder / folder;
}

std::string describe_start_failure(const ChildProcess& process) {
  return "did not become ready; its log: " + process.log_file().string();
}

}  // namespace

void PostingOutcomes::record(const std::string& envelope_json) {
  const auto envelope = messages::Envelope::parse(envelope_json);
  if (!envelope) return;
  std::lock_guard lock(mutex_);
  if (!seen_ids_.insert(envelope->header.id).second) return;
  if (auto completed = messages::decode<messages::PostingCompleted>(*envelope)) {
    auto& revision = completed_revision_[completed->posting_key];
    revision = std::max(revision, completed->revision);
  } else if (messages::decode<messages::PostingInDoubt>(*envelope)) {
    ++in_doubt_;
  } else if (auto failed = messages::decode<messages::PostingFailed>(*envelope)) {
    failures_.push_back(failed->posting_key + " rev " + std::to_string(failed->revision) + ": " +
                        failed->status_message);
  }
}

bool PostingOutcomes::completed(const std::string& key, std::int64_t revision) const {
  std::lock_guard lock(mutex_);
  const auto found = completed_revision_.find(key);
  return found != completed_revision_.end() && found->second >= revision;
}

std::size_t PostingOutcomes::completed_count(const std::vector<std::string>& keys, std::int64_t revision) const {
  std::size_t count = 0;
  for (const auto& key : keys) count += completed(key, revision) ? 1 : 0;
  return count;
}

std::size_t PostingOutcomes::in_doubt_count() const {
  std::lock_guard lock(mutex_);
  return in_doubt_;
}

std::vector<std::string> PostingOutcomes::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

QuickBooksSide::QuickBooksSide(const Environment& gateway_settings) : outcome_queue_(bus::testing::unique_name("quickbooks-e2e.outcomes")) {
  outcome_topology_.queues.push_back(
      bus::QueueSpec{outcome_queue_, {"posting.completed", "posting.failed", "posting.in_doubt"}});
  outcome_consumer_ = std::make_unique<bus::Consumer>(
      bus::testing::broker_url(), outcome_topology_, outcome_queue_, [this](const bus::Delivery& delivery) {
        outcomes.record(delivery.body);
        return bus::HandlerResult::ack();
      });
  outcome_consumer_->start();
  REQUIRE(bus::testing::eventually([this] { return outcome_consumer_->connected(); }, std::chrono::seconds(30)));

  bus::PublisherOptions publisher_options;
  publisher_options.topology = service::topology();
  publisher_ = std::make_unique<bus::Publisher>(bus::testing::broker_url(), publisher_options);

  gateway_port_ = free_port();
  auto environment = gateway_environment(gateway_port_);
  environment.insert(environment.end(), gateway_settings.begin(), gateway_settings.end());
  gateway_ = std::make_unique<ChildProcess>(service_binary("qbwc-gateway"), std::vector<std::string>{}, environment,
                                            log_path("qbwc-gateway"));
  const unsigned short writer_port = free_port();
  writer_ = std::make_unique<ChildProcess>(service_binary("qbxml-writer"), std::vector<std::string>{},
                                           common_environment(writer_port), log_path("qbxml-writer"));
  INFO("qbwc-gateway " << describe_start_failure(*gateway_));
  REQUIRE(gateway_->wait_ready(gateway_port_, kReadyTimeout));
  INFO("qbxml-writer " << describe_start_failure(*writer_));
  REQUIRE(writer_->wait_ready(writer_port, kReadyTimeout));
}

QuickBooksSide::~QuickBooksSide() {
  stop_services();
  outcome_consumer_->stop();
  try {
    auto connection = bus::Connection::open(bus::testing::broker_url(), {});
    for (const auto& queue : {outcome_queue_, bus::dead_letter_queue_name(outcome_queue_),
                              bus::retry_queue_name(outcome_queue_)})
      amqp_queue_delete(connection.native(), bus::Connection::kChannel, amqp_cstring_bytes(queue.c_str()), 0, 0);
  } catch (const std::exception& e) {
    std::cerr << "could not delete the test queue " << outcome_queue_ << ": " << e.what() << "\n";
  }
}

std::pair<int, int> QuickBooksSide::stop_services() {
  // Both at once: each drains within ML_DRAIN_DEADLINE.
  int gateway_status = 0;
  std::thread gateway_stop([&] { gateway_status = gateway_->stop(); });
  const int writer_status = writer_->stop();
  gateway_stop.join();
  return {gateway_status, writer_status};
}

void QuickBooksSide::publish(const messages::PostingRequested& posting) {
  static const core::SystemClock clock;
  const auto envelope = messages::encode(posting, service::start_flow(clock));
  const bus::Message message{envelope.header.id, std::string(messages::PostingRequested::type_name),
                             envelope.to_json(), {}};
  const auto published = publisher_->publish(message);
  REQUIRE(published.has_value());
}

std::string QuickBooksSide::gateway_url() const {
  return "http://127.0.0.1:" + std::to_string(gateway_port_) + "/qbwc";
}

DriveReport QuickBooksSide::drive(qbwc_sim::QuickBooksDesktop& quickbooks,
                                  const qbwc_sim::FaultPlan& web_connector_faults, const std::function<bool()>& done,
                                  std::chrono::seconds limit) {
  qbwc_sim::WebConnectorOptions options;
  options.url = gateway_url();
  options.user = kWebConnectorUser;
  options.password = kWebConnectorPassword;
  options.noop_pause = std::chrono::seconds(1);
  options.faults = web_connector_faults;
  core::Logger log("qbwc-sim", &sim_log_text_);
  log.set_level(core::LogLevel::warn);
  qbwc_sim::WebConnector connector(options, quickbooks, log);

  DriveReport report;
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  };
  while (!(report.finished = done()) && elapsed() < limit) {
    const auto session = connector.run_session();
    ++report.sessions;
    report.request_sets += session.request_sets;
    ++report.session_outcomes[std::string(qbwc_sim::to_string(session.outcome))];
    if ((report.finished = done())) break;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  report.elapsed = elapsed();
  return report;
}

qbwc_sim::QuickBooksOptions desktop_options(const qbwc_sim::FaultPlan& faults) {
  qbwc_sim::QuickBooksOptions options;
  options.faults = faults;
  if (const char* shared = std::getenv("ML_SHARED_DIR")) {
    options.schema = std::filesystem::path(shared) / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
  } else if (const auto shared_dir = ml::testing::shared_dir()) {
    options.schema = *shared_dir / "qbxml-schema" / "v13" / "qbxmlops130.xsd";
  }
  if (options.schema && !std::filesystem::exists(*options.schema)) options.schema.reset();
  return options;
}

}  // namespace ml::quickbooks_e2e
