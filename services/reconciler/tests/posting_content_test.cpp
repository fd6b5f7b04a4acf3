#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ml/reconciler/posting_content.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;

TEST_CASE("line amounts are quantity times rate rounded half-up to cents") {
  CHECK(line_amount(dec("2"), dec("12.345")).to_string() == "24.69");
  CHECK(line_amount(dec("3"), dec("0.335")).to_string() == "1.01");
  CHECK(line_amount(dec("1"), dec("-2.345")).to_string() == "-2.35");
}

TEST_CASE("lines carry quantity, the rate as given and the rounded amount, then shipping and tax") {
  OrderGroup group{{order()}, {}};
  const auto lines = build_lines(group, {{"WIDGET-1"}}, {});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == messages::PostingLine{"WIDGET-1", "Item WIDGET-1", dec("2"), dec("12.345"), dec("24.69")});
  CHECK(lines[0].rate->to_string() == "12.345");
  CHECK(lines[1] == messages::PostingLine{"Shipping", std::nullopt, std::nullopt, std::nullopt, dec("5.00")});
  CHECK(lines[2] == messages::PostingLine{"Sales Tax", std::nullopt, std::nullopt, std::nullopt, dec("1.98")});
}

TEST_CASE("zero-amount lines, shipping and tax are left out") {
  auto o = order();
  o.items.push_back(line("FREEBIE", "1", "0"));
  o.shipping_amount = dec("0");
  o.tax_amount = dec("0.00");
  const auto lines = build_lines({{o}, {}}, {{"WIDGET-1", "FREEBIE"}}, {});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].item_full_name == "WIDGET-1");
}

TEST_CASE("split parts contribute all their lines, shipping and tax to one posting") {
  auto parent = order(5001);
  auto child = order(5002);
  child.parent_id = 5001;
  child.items = {line("GADGET", "1", "10")};
  child.shipping_amount = dec("1.50");
  child.tax_amount = dec("0");
  const auto lines = build_lines({{parent, child}, {}}, {{"WIDGET-1"}, {"GADGET"}}, {});
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].item_full_name == "GADGET");
  CHECK(lines[2].amount.to_string() == "6.50");
  CHECK(lines[3].amount.to_string() == "1.98");
}

TEST_CASE("the primary part is the parent the split parts name") {
  auto child = order(4999);
  child.parent_id = 5001;
  OrderGroup group{{child, order(5001)}, {}};
  CHECK(primary_part(group).order_id == 5001);
}

TEST_CASE("TxnDate is the ship date of the earliest created label that is not voided") {
  OrderGroup group{{order()}, {}};
  group.shipments = {label(1, 5001, "2026-11-20", "2026-11-20T10:00:00Z", true),
                     label(3, 5001, "2026-11-23", "2026-11-22T10:00:00Z"),
                     label(2, 5001, "2026-11-21", "2026-11-21T10:00:00Z")};
  CHECK(txn_date(group) == messages::parse_date("2026-11-21"));
}

TEST_CASE("an order whose every label is voided has not shipped") {
  OrderGroup group{{order()}, {label(1, 5001, "2026-11-20", "2026-11-20T10:00:00Z", true)}};
  group.parts[0].order_status = messages::OrderStatus::shipped;
  CHECK_FALSE(txn_date(group));
}

TEST_CASE("an order marked shipped without any shipment record uses its ship date") {
  auto o = order();
  o.order_status = messages::OrderStatus::shipped;
  o.ship_date = messages::parse_date("2026-11-24");
  CHECK(txn_date({{o}, {}}) == messages::parse_date("2026-11-24"));
  CHECK_FALSE(txn_date({{order()}, {}}));
}

TEST_CASE("the posting key is the order number, store-qualified when configured") {
  CHECK(posting_key_for("100234", 7, false) == "100234");
  CHECK(posting_key_for("100234", 7, true) == "7:100234");
  CHECK(posting_key_for("100234", std::nullopt, true) == "100234");
}

TEST_CASE("the transaction carries the writer's RefNumber and GUID and the full key where it fits") {
  const auto short_key = transaction_for("100234", *messages::parse_date("2026-11-21"), "Ada", {});
  CHECK(short_key.ref_number == "100234");
  CHECK_FALSE(short_key.po_number);
  CHECK(short_key.external_guid.size() == 36);
  CHECK(short_key.external_guid.find('{') == std::string::npos);

  const auto long_key = transaction_for("amazon-114-1234567-7654321", *messages::parse_date("2026-11-21"), "Ada", {});
  CHECK(long_key.ref_number.size() == 11);
  CHECK(long_key.ref_number.front() == '~');
  CHECK_FALSE(long_key.po_number);
  CHECK(long_key.memo == "amazon-114-1234567-7654321");

  const auto medium_key = transaction_for("7:100234-ABCDEF", *messages::parse_date("2026-11-21"), "Ada", {});
  CHECK(medium_key.po_number == "7:100234-ABCDEF");
}
