#include <catch2/catch.hpp>

#include "http_client.hpp"

using namespace sim_test;

TEST_CASE("a request without credentials gets 401 with ShipStation's message") {
  RunningSim sim;
  const auto reply = sim.get("/orders", std::nullopt);
  CHECK(reply.status == 401);
  CHECK(reply.body == R"({"message":"Invalid API credentials"})");
  CHECK(sim.server().counters().unauthorized == 1);
}

TEST_CASE("a wrong key or secret gets 401") {
  RunningSim sim({.api_key = "key", .api_secret = "secret"});
  CHECK(sim.get("/orders").status == 401);
  CHECK(sim.get("/orders", "Basic a2V5OnNlY3JldA==").status == 200);
}

TEST_CASE("every response carries the three rate limit headers") {
  RunningSim sim;
  for (const auto& reply : {sim.get("/orders"), sim.get("/orders", std::nullopt), sim.get("/orders/1"),
                            sim.get("/no-such-thing"), sim.get("/stores")}) {
    CHECK(reply.header("X-Rate-Limit-Limit") == "40");
    CHECK_FALSE(reply.header("X-Rate-Limit-Remaining").empty());
    CHECK_FALSE(reply.header("X-Rate-Limit-Reset").empty());
  }
}

TEST_CASE("Remaining counts down and Reset counts the seconds left in the fixed window") {
  RunningSim sim;
  CHECK(sim.get("/stores").header("X-Rate-Limit-Remaining") == "39");
  sim.clock().advance(std::chrono::seconds(20));
  const auto reply = sim.get("/stores");
  CHECK(reply.header("X-Rate-Limit-Remaining") == "38");
  CHECK(reply.header("X-Rate-Limit-Reset") == "40");
}

TEST_CASE("the 41st request within the window gets 429 with the Too Many Requests body") {
  RunningSim sim;
  for (int i = 0; i < 40; ++i) REQUIRE(sim.get("/stores").status == 200);
  const auto reply = sim.get("/stores");
  CHECK(reply.status == 429);
  CHECK(reply.body == R"({"message": "Too Many Requests"})");
  CHECK(reply.header("X-Rate-Limit-Remaining") == "0");
  CHECK(reply.header("X-Rate-Limit-Reset") == "60");
  CHECK(sim.server().counters().rate_limited == 1);
}

TEST_CASE("the budget comes back when the window ends") {
  RunningSim sim({.rate_limit = 2, .rate_window = std::chrono::seconds(10)});
  sim.get("/stores");
  sim.get("/stores");
  REQUIRE(sim.get("/stores").status == 429);
  sim.clock().advance(std::chrono::seconds(10));
  const auto reply = sim.get("/stores");
  CHECK(reply.status == 200);
  CHECK(reply.header("X-Rate-Limit-Limit") == "2");
  CHECK(reply.header("X-Rate-Limit-Remaining") == "1");
}

TEST_CASE("the budget is per credential") {
  RunningSim sim({.rate_limit = 1});
  REQUIRE(sim.get("/stores").status == 200);
  REQUIRE(sim.get("/stores").status == 429);
  CHECK(sim.get("/stores", "Basic b3RoZXI6a2V5").status == 401);
}

TEST_CASE("an injected 429 arrives while Remaining still shows budget") {
  RunningSim sim;
  sim.scenario().inject_429(1);
  const auto reply = sim.get("/orders");
  CHECK(reply.status == 429);
  CHECK(reply.header("X-Rate-Limit-Remaining") == "39");
  CHECK(sim.get("/orders").status == 200);
}

TEST_CASE("requests are counted per endpoint") {
  RunningSim sim;
  sim.get("/orders");
  sim.get("/Orders/List");
  sim.get("/orders/5");
  sim.get("/shipments");
  const auto counters = sim.server().counters();
  CHECK(counters.requests_to("GET /orders") == 2);
  CHECK(counters.requests_to("GET /orders/{id}") == 1);
  CHECK(counters.requests_to("GET /shipments") == 1);
}

TEST_CASE("a poisoned order's page is counted as a 500") {
  RunningSim sim;
  const auto id = sim.scenario().create_order(simple_order(sim.store()));
  sim.scenario().poison_order(id);
  CHECK(sim.get("/orders").status == 500);
  CHECK(sim.server().counters().server_errors == 1);
}

TEST_CASE("admin endpoints need no credentials and spend no budget") {
  RunningSim sim({.rate_limit = 1});
  CHECK(get(sim.port(), "/_sim/counters", std::nullopt).status == 200);
  CHECK(sim.get("/stores").status == 200);
}
