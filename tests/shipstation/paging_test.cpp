#include <catch2/catch.hpp>

#include <algorithm>

#include "running_sim.hpp"

using namespace ss_test;

namespace {

const ss::Window kWholeMonth{utc("2026-02-01T00:00:00Z"), utc("2026-05-01T00:00:00Z")};

std::shared_ptr<ml::core::ManualClock> after_the_month() {
  return std::make_shared<ml::core::ManualClock>(utc("2026-04-15T00:00:00Z"));
}

std::vector<std::int64_t> ids_of(const std::vector<ss::Order>& orders) {
  std::vector<std::int64_t> ids;
  for (const auto& o : orders) ids.push_back(o.order_id);
  return ids;
}

}  // namespace

TEST_CASE("2,000 generated orders are delivered completely with the fewest requests") {
  RunningSim sim(month_of(2000), after_the_month());
  const auto expected = sim.order_ids();
  REQUIRE(expected.size() >= 2000);
  auto client = sim.client();
  Collected<ss::Order> got;
  const auto summary = client->orders_modified(kWholeMonth, got.sink());
  REQUIRE(summary);
  const auto ids = ids_of(got.records);
  CHECK(std::set<std::int64_t>(ids.begin(), ids.end()) == expected);
  CHECK(ids.size() == expected.size());  // no duplicates
  const auto pages = static_cast<std::int64_t>((expected.size() + 499) / 500);
  CHECK(summary->requests == pages);
  CHECK(summary->records == static_cast<std::int64_t>(expected.size()));
  CHECK(summary->poison.empty());
  CHECK(sim.server().counters().requests_to("GET /orders") == static_cast<std::uint64_t>(pages));
  CHECK(sim.server().counters().rate_limited == 0);
  CHECK(client->connections_opened() == 1);  // keep-alive across pages
  CHECK(std::is_sorted(got.records.begin(), got.records.end(),
                       [](const ss::Order& a, const ss::Order& b) { return a.modify_date->utc < b.modify_date->utc; }));
}

TEST_CASE("an order that breaks its page is isolated and every other order is delivered") {
  RunningSim sim(month_of(2000), after_the_month());
  auto client = sim.client();
  Collected<ss::Order> clean;
  REQUIRE(client->orders_modified(kWholeMonth, clean.sink()));
  const auto all = ids_of(clean.records);
  const std::int64_t poisoned[] = {777, 1234};
  for (const auto position : poisoned) sim.scenario().poison_order(all[static_cast<std::size_t>(position)]);

  Collected<ss::Order> got;
  const auto summary = client->orders_modified(kWholeMonth, got.sink());
  REQUIRE(summary);
  REQUIRE(summary->poison.size() == 2);
  CHECK(summary->poison[0].position == 777);
  CHECK(summary->poison[1].position == 1234);
  CHECK(summary->poison[0].error.find("500") != std::string::npos);
  auto expected = all;
  std::erase(expected, all[777]);
  std::erase(expected, all[1234]);
  CHECK(ids_of(got.records) == expected);
  INFO("requests used: " << summary->requests);
  CHECK(summary->requests < 80);
}

TEST_CASE("a wrong secret is reported as unauthorized and never retried") {
  RunningSim sim({}, after_the_month());
  auto client = sim.client([](ss::ClientOptions& o) { o.api_secret = "wrong"; });
  const auto stores = client->list_stores();
  REQUIRE_FALSE(stores);
  CHECK(stores.error().kind == ss::ErrorKind::unauthorized);
  CHECK(stores.error().message.find("Invalid API credentials") != std::string::npos);
  CHECK(client->requests_sent() == 1);
  CHECK(sim.server().counters().unauthorized == 1);
}

TEST_CASE("one order is fetched by id and an unknown id is not found") {
  RunningSim sim({}, after_the_month());
  const auto id = sim.scenario().create_order(simple_order(sim.first_store()));
  auto client = sim.client();
  const auto order = client->get_order(id);
  REQUIRE(order);
  CHECK(order->order_id == id);
  REQUIRE(order->items.size() == 1);
  CHECK(order->items[0].unit_price == ml::core::Decimal::from_string("24.95"));
  CHECK(order->modify_date->utc == utc("2026-04-15T00:00:00Z"));
  const auto missing = client->get_order(1);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ss::ErrorKind::not_found);
}

TEST_CASE("the stores of the account are listed") {
  RunningSim sim({}, after_the_month());
  const auto stores = sim.client()->list_stores();
  REQUIRE(stores);
  CHECK(stores->size() == 3);
}

TEST_CASE("a 500 is retried a bounded number of times, then reported as server_error") {
  RunningSim sim({}, after_the_month());
  const auto id = sim.scenario().create_order(simple_order(sim.first_store()));
  sim.scenario().poison_order(id);
  auto client = sim.client([](ss::ClientOptions& o) { o.server_retries = 2; });
  const auto order = client->get_order(id);
  REQUIRE_FALSE(order);
  CHECK(order.error().kind == ss::ErrorKind::server_error);
  CHECK(order.error().status == 500);
  CHECK(sim.server().counters().server_errors == 3);
  CHECK(client->requests_sent() == 3);
}
