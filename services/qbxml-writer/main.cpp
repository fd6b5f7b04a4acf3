#include <boost/asio/io_context.hpp>
#include <prometheus/registry.h>

#include <iostream>
#include <memory>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/core/config.hpp"
#include "ml/core/graceful_stop.hpp"
#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/enum_names.hpp"
#include "ml/qbxml_writer/journal_content.hpp"
#include "ml/qbxml_writer/qbxml_writer.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/service/settings.hpp"
#include "ml/service/topology.hpp"
#include "ml/store/pool.hpp"

using namespace ml;

namespace {

struct Config {
  service::ServiceSettings service;
  qbxml_writer::WriterOptions writer;
};

// The problems found, listed by read_config with every other key's.
std::vector<std::string> read_journal_settings(core::ConfigReader& reader, qbxml_writer::WriterOptions& writer) {
  std::vector<std::string> problems;
  const auto kind = reader.text("ML_QBXML_WRITER_TXN_KIND", std::string());
  if (!kind.empty()) {
    writer.txn_kind = messages::enum_from_string<messages::TxnKind>(kind);
    if (!writer.txn_kind) problems.push_back("ML_QBXML_WRITER_TXN_KIND: must be invoice or journal_entry, not '" + kind + "'");
  }
  auto& journal = writer.journal;
  journal.receivable = reader.text("ML_QBXML_WRITER_JOURNAL_RECEIVABLE_ACCOUNT", journal.receivable);
  journal.income = reader.text("ML_QBXML_WRITER_JOURNAL_INCOME_ACCOUNT", journal.income);
  auto by_item = qbxml_writer::parse_item_accounts(reader.text("ML_QBXML_WRITER_JOURNAL_ITEM_ACCOUNTS", std::string()));
  if (by_item)
    journal.by_item = std::move(*by_item);
  else
    problems.push_back("ML_QBXML_WRITER_JOURNAL_ITEM_ACCOUNTS: " + by_item.error());
  return problems;
}

Config read_config() {
  core::ConfigReader reader;
  Config config{service::read_service_settings(reader), {}};
  config.writer.company_file = reader.text("ML_QBXML_WRITER_COMPANY_FILE", std::string());
  config.writer.max_returned = static_cast<int>(reader.integer("ML_QBXML_WRITER_MAX_RETURNED", 100, 1, 1000));
  config.writer.max_stale_retries = static_cast<int>(reader.integer("ML_QBXML_WRITER_STALE_RETRIES", 3, 0, 20));
  auto problems = read_journal_settings(reader, config.writer);
  try {
    reader.finish();
  } catch (const core::ConfigError& error) {
    problems.insert(problems.begin(), error.problems().begin(), error.problems().end());
  }
  if (!problems.empty()) throw core::ConfigError(problems);
  return config;
}

}  // namespace

int main() {
  core::Logger log("qbxml-writer");
  Config config;
  try {
    config = read_config();
  } catch (const core::ConfigError& error) {
    std::cerr << "qbxml-writer: " << error.what() << "\n";
    return 2;
  }
  log.set_level(config.service.log_level);

  store::ConnectionPool pool(config.service.pg_url, config.service.pool_size);
  {
    auto lease = pool.acquire();
    store::prepare_service_schema(*lease, config.writer.schema, qbxml_writer::writer_migrations());
  }
  core::SystemClock clock;
  qbxml_writer::QbxmlWriter writer(config.writer, clock);

  service::OutboxRelayLoop relay(config.service, pool, config.writer.schema, log, service::topology());
  const service::ConsumerExtras extras{.after_commit = [&relay] { relay.poke(); }};
  service::MessageConsumer requests(
      config.service, pool, config.writer.schema, service::queue::writer_requests,
      [&writer](pqxx::work& tx, const messages::Envelope& e) { writer.apply_request(tx, e); }, log, extras);
  service::MessageConsumer responses(
      config.service, pool, config.writer.schema, service::queue::writer_responses,
      [&writer](pqxx::work& tx, const messages::Envelope& e) { writer.apply_response(tx, e); }, log, extras);

  boost::asio::io_context io;
  core::HttpServer http(io, config.service.http, std::make_shared<prometheus::Registry>(), log);
  http.add_readiness_check("broker", [&] {
    return requests.connected() && responses.connected() ? std::string() : std::string("not connected to RabbitMQ");
  });
  if (auto error = http.start()) {
    log.error("cannot serve HTTP", {{"error", error.message()}});
    return 1;
  }
  requests.start();
  responses.start();
  log.info("qbxml-writer started");

  core::GracefulStop stop(io, log, config.service.drain_deadline);
  stop.on_stop([&] {
    http.stop();
    requests.stop();
    responses.stop();
    relay.stop();
  });
  io.run();
  return stop.exit_code();
}
