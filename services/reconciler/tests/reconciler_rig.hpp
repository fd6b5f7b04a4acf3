#pragma once
// The reconciler's service with its consumers on one scratch queue and its outbox relayed to
// another; the test plays shipstation-ingest and qbxml-writer (with a small QuickBooks company).
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include <pqxx/pqxx>

#include "broker_fixture.hpp"
#include "fixtures.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/publisher.hpp"
#include "ml/core/ids.hpp"
#include "ml/core/log.hpp"
#include "ml/messages/alert.hpp"
#include "ml/messages/lookup.hpp"
#include "ml/messages/posting.hpp"
#include "ml/reconciler/reconciler.hpp"
#include "ml/reconciler/revalidation.hpp"
#include "ml/service/message_consumer.hpp"
#include "ml/service/publishing.hpp"
#include "ml/service/relay_loop.hpp"
#include "ml/store/audit.hpp"
#include "ml/testing/environment.hpp"

namespace ml::reconciler::testing {

using namespace std::chrono_literals;

class ReconcilerRig {
 public:
  ReconcilerRig()
      : schema("rc_it_" + core::new_uuid().substr(0, 8)),
        inbound_("recon-in", 1s,
                 {"ss.#", "qb.lookup.completed", "posting.completed", "posting.failed", "posting.in_doubt", "alert.raised"}),
        outbound_("recon-out", 1s, {"qb.lookup.requested", "posting.requested", "alert.raised"}),
        log_("reconciler-tests"),
        pool(ml::testing::pg_url(), 4),
        reconciler(options(schema), clock_),
        publisher_(bus::testing::broker_url(), publisher_options()) {
    settings_.pg_url = ml::testing::pg_url();
    settings_.amqp_url = ml::testing::amqp_url();
    settings_.relay_interval = 100ms;
    {
      auto lease = pool.acquire();
      store::prepare_service_schema(*lease, schema, reconciler_migrations());
    }
    {
      auto connection = bus::Connection::open(bus::testing::broker_url(), {});
      bus::declare(connection, outbound_.topology());
    }
    relay_ = std::make_unique<service::OutboxRelayLoop>(settings_, pool, schema, log_, outbound_.topology());
    consumer_ = std::make_unique<service::MessageConsumer>(
        settings_, pool, schema, inbound_.queue(),
        [this](pqxx::work& tx, const messages::Envelope& e) {
          if (e.type.starts_with("ss.")) return reconciler.apply_shipstation(tx, e);
          if (e.type == "alert.raised") return reconciler.apply_alert(tx, e);
          reconciler.apply_quickbooks(tx, e);
        },
        log_, service::ConsumerExtras{.topology = inbound_.topology(), .after_commit = [this] { relay_->poke(); }});
    consumer_->start();
  }
  ~ReconcilerRig() {
    consumer_->stop();
    relay_->stop();
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    tx.commit();
  }

  static ReconcilerOptions options(const std::string& schema) {
    ReconcilerOptions options;
    options.schema = schema;
    return options;
  }

  /// Publishes `message` as the other services would and waits until the reconciler committed it
  /// and relayed everything it published.
  template <class T>
  messages::Envelope send(const T& message) {
    auto envelope = messages::encode(message, service::start_flow(clock_));
    send_envelope(envelope);
    return envelope;
  }

  void send_envelope(const messages::Envelope& envelope) {
    REQUIRE(publisher_.publish(inbound_.topology().exchange, {envelope.header.id, envelope.type, envelope.to_json(), {}}));
    REQUIRE(bus::testing::eventually([&] { return count("inbox WHERE message_id = " + quoted(envelope.header.id)) == 1; }, 20s));
    REQUIRE(bus::testing::eventually([&] { return count("outbox WHERE sent_at IS NULL") == 0; }, 20s));
  }

  /// Everything the reconciler published since the last call, in order.
  std::vector<messages::Envelope> published() {
    std::vector<messages::Envelope> out;
    while (auto delivery = bus::testing::take_one(outbound_.queue(), 300ms)) {
      auto envelope = messages::Envelope::parse(delivery->body);
      REQUIRE(envelope);
      out.push_back(*envelope);
    }
    return out;
  }

  /// The messages of type T among `messages`.
  template <class T>
  static std::vector<T> of_type(const std::vector<messages::Envelope>& messages) {
    std::vector<T> out;
    for (const auto& e : messages)
      if (e.type == T::type_name) out.push_back(*messages::decode<T>(e));
    return out;
  }

  /// Plays qbxml-writer: answers every lookup among `messages` from `company`, then returns what
  /// the reconciler published in reply (lookups answered again until none is left).
  std::vector<messages::Envelope> answer_lookups(std::vector<messages::Envelope> messages) {
    std::vector<messages::Envelope> rest;
    for (;;) {
      const auto lookups = of_type<messages::QbLookupRequested>(messages);
      for (const auto& e : messages)
        if (e.type != messages::QbLookupRequested::type_name) rest.push_back(e);
      if (lookups.empty()) return rest;
      for (const auto& lookup : lookups) send(answer(lookup));
      messages = published();
    }
  }

  messages::QbLookupCompleted answer(const messages::QbLookupRequested& lookup) const {
    messages::QbLookupCompleted answer{lookup.lookup_id, lookup.kind, {}, {}, {}, std::nullopt};
    for (const auto& key : lookup.keys) {
      if (lookup.kind == messages::LookupKind::customer) {
        const auto& table = key.by == messages::LookupField::email ? customers_by_email : customers_by_name;
        if (auto found = table.find(key.value); found != table.end()) answer.customers.push_back(found->second);
        else answer.missing.push_back(key);
      } else if (auto found = items.find(key.value); found != items.end()) {
        answer.items.push_back(found->second);
      } else {
        answer.missing.push_back(key);
      }
    }
    return answer;
  }

  void add_customer(const std::string& full_name, const std::string& email) {
    messages::QbCustomer c{"C-" + full_name, full_name, email, true, std::nullopt};
    customers_by_email[email] = c;
    customers_by_name[full_name] = c;
  }
  void add_item(const std::string& full_name, const char* on_hand = "100") {
    items[full_name] = {"I-" + full_name, full_name, messages::QbItemType::inventory, true, dec(on_hand), std::nullopt};
  }

  /// POST /revalidate as mlctl would send it.
  core::HttpResponse revalidate(const std::string& order_number) {
    core::HttpRequest request{core::http::verb::post, "/revalidate", 11};
    request.body() = order_number;
    return revalidation_handler(pool, reconciler, {})(request);
  }

  std::string state(const std::string& key) { return text("SELECT state FROM " + schema + ".orders WHERE posting_key = " + quoted(key)); }

  std::string text(const std::string& sql) {
    auto lease = pool.acquire();
    pqxx::read_transaction tx(*lease);
    auto rows = tx.exec(sql);
    return rows.empty() || rows[0][0].is_null() ? std::string() : rows[0][0].as<std::string>();
  }

  std::int64_t count(const std::string& from_where) {
    auto lease = pool.acquire();
    pqxx::read_transaction tx(*lease);
    return tx.exec("SELECT count(*) FROM " + schema + "." + from_where)[0][0].as<std::int64_t>();
  }

  std::string quoted(const std::string& value) {
    auto lease = pool.acquire();
    return lease->quote(value);
  }

  std::string schema;
  std::map<std::string, messages::QbCustomer> customers_by_email, customers_by_name;
  std::map<std::string, messages::QbItem> items;

 private:
  bus::PublisherOptions publisher_options() const {
    bus::PublisherOptions options;
    options.topology = inbound_.topology();
    return options;
  }

  bus::testing::ScratchTopology inbound_;
  bus::testing::ScratchTopology outbound_;

 public:
  core::Logger log_;
  store::ConnectionPool pool;
  core::ManualClock clock_{std::chrono::system_clock::now()};
  Reconciler reconciler;

 private:
  service::ServiceSettings settings_;
  bus::Publisher publisher_;
  std::unique_ptr<service::OutboxRelayLoop> relay_;
  std::unique_ptr<service::MessageConsumer> consumer_;
};

}  // namespace ml::reconciler::testing
