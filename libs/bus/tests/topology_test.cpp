#include <catch2/catch.hpp>

#include "broker_fixture.hpp"
#include "ml/bus/connection.hpp"
#include "ml/bus/errors.hpp"

using namespace ml::bus;
using namespace ml::bus::testing;

TEST_CASE("declaring the topology twice is fine") {
  ScratchTopology scratch("twice");
  auto connection = Connection::open(broker_url(), {});
  declare(connection, scratch.topology());
  declare(connection, scratch.topology());
  auto second = Connection::open(broker_url(), {});
  REQUIRE_NOTHROW(declare(second, scratch.topology()));
  CHECK(ready_count(scratch.queue()) == 0);
  CHECK(ready_count(dead_letter_queue_name(scratch.queue())) == 0);
  CHECK(ready_count(retry_queue_name(scratch.queue())) == 0);
}

TEST_CASE("a queue that exists with other arguments is a clear error naming the queue") {
  ScratchTopology scratch("changed");
  {
    auto connection = Connection::open(broker_url(), {});
    declare(connection, scratch.topology());
  }
  Topology changed = scratch.topology();
  changed.queues.front().delivery_limit = 3;
  auto connection = Connection::open(broker_url(), {});
  REQUIRE_THROWS_WITH(declare(connection, changed),
                      Catch::Contains("declare queue '" + scratch.queue() + "'") && Catch::Contains("406"));
  CHECK_FALSE(connection.alive());
}

TEST_CASE("a wrong password is a clear error naming the broker but not the password") {
  BrokerUrl url = broker_url();
  url.password = "not-the-password";
  try {
    Connection::open(url, {});
    FAIL("login succeeded");
  } catch (const BrokerError& error) {
    const std::string text = error.what();
    CHECK_THAT(text, Catch::Contains("login") && Catch::Contains(url.host));
    CHECK(text.find("not-the-password") == std::string::npos);
  }
}
