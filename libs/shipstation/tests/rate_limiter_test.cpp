#include <catch2/catch.hpp>

#include "ml/shipstation/rate_limiter.hpp"
#include "test_time.hpp"

using namespace ml::shipstation;
using namespace std::chrono_literals;

namespace {

/// A limiter on a manual clock whose sleeps only move the clock, and records them.
struct Fixture {
  std::shared_ptr<ml::core::ManualClock> clock =
      std::make_shared<ml::core::ManualClock>(utc("2026-01-15T12:00:00Z"));
  std::vector<std::chrono::milliseconds> sleeps;
  RateLimiter limiter{clock, [this](std::chrono::milliseconds d) {
                        sleeps.push_back(d);
                        clock->advance(d);
                      }};

  /// acquire() + completed() as one request that got `remaining`/`reset` back.
  void request(int remaining, int reset) {
    limiter.acquire();
    limiter.completed({40, remaining, reset});
  }
};

}  // namespace

TEST_CASE("without any header the limiter sends at most 40 requests per minute") {
  Fixture f;
  for (int i = 0; i < 40; ++i) f.limiter.acquire();
  CHECK(f.sleeps.empty());
  f.limiter.acquire();
  REQUIRE(f.sleeps.size() == 1);
  CHECK(f.sleeps[0] == 61s);
}

TEST_CASE("when the server says nothing remains, the next request waits Reset plus one second") {
  Fixture f;
  f.request(0, 22);
  f.limiter.acquire();
  REQUIRE(f.sleeps.size() == 1);
  CHECK(f.sleeps[0] == 23s);
}

TEST_CASE("the server's remaining count wins when the key is shared with other apps") {
  Fixture f;
  f.request(2, 30);
  f.request(1, 30);
  f.request(0, 30);
  CHECK(f.sleeps.empty());
  f.limiter.acquire();
  CHECK(f.sleeps.size() == 1);
}

TEST_CASE("a 429 stops sending until its Reset plus one second") {
  Fixture f;
  f.limiter.acquire();
  f.limiter.throttled({40, 0, 37});  // the synthetic 429 sample's headers
  f.limiter.acquire();
  REQUIRE(f.sleeps.size() == 1);
  CHECK(f.sleeps[0] == 38s);
}

TEST_CASE("a 429 without headers waits a whole window") {
  Fixture f;
  f.limiter.acquire();
  f.limiter.throttled({});
  f.limiter.acquire();
  REQUIRE(f.sleeps.size() == 1);
  CHECK(f.sleeps[0] == 61s);
}

TEST_CASE("a new window restores the full budget and never more") {
  Fixture f;
  f.request(0, 5);
  f.limiter.acquire();  // waits for the new window
  f.limiter.completed({40, 39, 59});
  for (int i = 0; i < 39; ++i) f.request(38 - i, 59);
  CHECK(f.sleeps.size() == 1);
  f.limiter.acquire();
  CHECK(f.sleeps.size() == 2);
}

TEST_CASE("requests in flight are not handed out twice") {
  Fixture f;
  f.request(3, 40);
  f.limiter.acquire();  // in flight, server has not counted it yet
  f.limiter.acquire();  // in flight too
  f.limiter.completed({40, 2, 40});  // counts the first; the second is still in flight
  f.limiter.acquire();
  CHECK(f.sleeps.empty());
  f.limiter.acquire();
  CHECK(f.sleeps.size() == 1);
}

TEST_CASE("the limit follows X-Rate-Limit-Limit") {
  Fixture f;
  f.request(9, 60);
  CHECK(f.limiter.limit() == 40);
  f.limiter.acquire();
  f.limiter.completed({10, 8, 59});
  CHECK(f.limiter.limit() == 10);
  CHECK(f.limiter.remaining() == 8);
}

TEST_CASE("one API key has one shared limiter") {
  const auto a = shared_rate_limiter("key-a");
  CHECK(shared_rate_limiter("key-a") == a);
  CHECK(shared_rate_limiter("key-b") != a);
}
