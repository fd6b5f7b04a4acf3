#include <catch2/catch.hpp>

#include "ml/core/decimal.hpp"

using ml::core::Decimal;

TEST_CASE("ten times 0.10 is exactly 1.00") {
  Decimal sum;
  for (int i = 0; i < 10; ++i) sum += Decimal::from_string("0.10");
  CHECK(sum == Decimal::from_string("1.00"));
  CHECK(sum.to_string() == "1.00");
}

TEST_CASE("179.43 plus 5 plus 10 is 194.43") {
  auto total = Decimal::from_string("179.43") + Decimal::from_string("5") + Decimal::from_string("10");
  CHECK(total.to_string() == "194.43");
}

TEST_CASE("multiplying by a quantity and rounding half-up to cents") {
  auto amount = (Decimal::from_string("3") * Decimal::from_string("19.995")).round_half_up(2);
  CHECK(amount.to_string() == "59.99");
  CHECK(Decimal::from_string("2.345").to_string(2) == "2.35");
  CHECK(Decimal::from_string("-2.345").to_string(2) == "-2.35");
  CHECK(Decimal::from_string("2.344").to_string(2) == "2.34");
  CHECK(Decimal::from_string("0.005").to_string(2) == "0.01");
}

TEST_CASE("rates keep more than two decimals until rounded") {
  auto rate = Decimal::from_string("12.34567");
  CHECK(rate.to_string() == "12.34567");
  CHECK((rate * Decimal::from_string("2")).to_string() == "24.69134");
}

TEST_CASE("formatting pads to the requested scale") {
  CHECK(Decimal::from_string("5").to_string(2) == "5.00");
  CHECK(Decimal::from_string("-0.5").to_string(2) == "-0.50");
  CHECK(Decimal::from_string(".25").to_string() == "0.25");
  CHECK(Decimal::from_units(-1943, 1).to_string() == "-194.3");
}

TEST_CASE("values compare regardless of scale") {
  CHECK(Decimal::from_string("1.0") == Decimal::from_string("1.00"));
  CHECK(Decimal::from_string("1.01") > Decimal::from_string("1.001"));
  CHECK(Decimal::from_string("-3") < Decimal());
}

TEST_CASE("malformed numbers are rejected with the reason") {
  auto bad = Decimal::parse("12,50");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().find("unexpected ','") != std::string::npos);
  CHECK_FALSE(Decimal::parse("").has_value());
  CHECK_FALSE(Decimal::parse("-").has_value());
  CHECK_FALSE(Decimal::parse("1.2.3").has_value());
  CHECK_FALSE(Decimal::parse("1e5").has_value());
  CHECK_FALSE(Decimal::parse("0.1234567890123").has_value());
  CHECK_THROWS_AS(Decimal::from_string("abc"), std::invalid_argument);
}
