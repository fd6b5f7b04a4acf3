#include <catch2/catch.hpp>

#include <set>

#include "ml/qbwc_gateway/ticket.hpp"

using namespace ml::qbwc_gateway;

TEST_CASE("a ticket is 128 random bits in hexadecimal") {
  const auto ticket = new_ticket();
  CHECK(ticket.size() == 32);
  CHECK(is_ticket_shape(ticket));
}

TEST_CASE("tickets do not repeat") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(new_ticket());
  CHECK(seen.size() == 1000);
}

TEST_CASE("text of another shape is not a ticket") {
  CHECK_FALSE(is_ticket_shape(""));
  CHECK_FALSE(is_ticket_shape("1b4e28ba-2fa1-4d2e-883f-0016d3cca427"));
  CHECK_FALSE(is_ticket_shape(std::string(32, 'G')));
  CHECK_FALSE(is_ticket_shape(std::string(31, 'a')));
}
