#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ml/reconciler/order_machine.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;
using messages::PostingAction;

namespace {

MemoryDirectory known_quickbooks() {
  MemoryDirectory qb;
  qb.customer("Ada Lovelace", "ada@example.com").item("WIDGET-1").item("GADGET");
  return qb;
}

OrderGroup shipped_group() {
  return {{order()}, {label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z")}};
}

OrderRecord fresh() {
  OrderRecord record;
  record.posting_key = "100234";
  return record;
}

// The record after its first add was confirmed by QuickBooks.
OrderRecord posted() {
  auto decision = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {});
  return on_completed(decision.record, {"100234", 1, PostingAction::add, messages::TxnKind::invoice,
                                        messages::PostingOutcome::created, "TXN-1", "1", "100234", std::nullopt});
}

// The shipped order plus a split part (5002) whose SKU QuickBooks lacks.
OrderGroup split_with_unknown_child() {
  auto group = shipped_group();
  auto child = order(5002);
  child.parent_id = 5001;
  child.items = {line("NEW-SKU", "1", "10")};
  group.parts.push_back(child);
  return group;
}

messages::PostingFailed failure(std::int64_t revision, messages::FailureDisposition disposition) {
  return {"100234", revision, PostingAction::add, messages::TxnKind::invoice, disposition, 3140,
          "Invalid reference to Customer", std::nullopt};
}

}  // namespace

TEST_CASE("a known order that has not shipped is valid and posts nothing") {
  const auto decision = evaluate(fresh(), {{order()}, {}}, known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::valid);
  CHECK_FALSE(decision.posting);
}

TEST_CASE("a shipped order with known customer and items asks for an add with exact lines and date") {
  const auto decision = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::posting);
  REQUIRE(decision.posting);
  const auto& posting = *decision.posting;
  CHECK(posting.posting_key == "100234");
  CHECK(posting.revision == 1);
  CHECK(posting.action == PostingAction::add);
  CHECK(posting.order_ids == std::vector<std::int64_t>{5001});
  const auto& tx = *posting.transaction;
  CHECK(messages::format_date(tx.txn_date) == "2026-11-21");
  CHECK(tx.customer_full_name == "Ada Lovelace");
  REQUIRE(tx.lines.size() == 3);
  CHECK(tx.lines[0].amount.to_string() == "24.69");
  CHECK(tx.lines[1].amount.to_string() == "5.00");
  CHECK(tx.lines[2].amount.to_string() == "1.98");
}

TEST_CASE("an order the cache cannot answer is parked in validating with the keys to ask") {
  const auto decision = evaluate(fresh(), shipped_group(), MemoryDirectory{}, {}, {});
  CHECK(decision.record.state == OrderState::validating);
  CHECK(decision.ask.customer_keys.size() == 2);
  CHECK(decision.ask.item_keys.size() == 1);
  CHECK_FALSE(decision.posting);
}

TEST_CASE("an unknown SKU parks the order in needs_review with one alert") {
  auto qb = known_quickbooks();
  auto group = shipped_group();
  group.parts[0].items.push_back(line("NOPE", "1", "1"));
  qb.missing_item("NOPE");
  const auto first = evaluate(fresh(), group, qb, {}, {});
  CHECK(first.record.state == OrderState::needs_review);
  CHECK_FALSE(first.posting);
  REQUIRE(first.alerts.size() == 1);
  CHECK(first.alerts[0].kind == "unknown_item");
  CHECK(evaluate(first.record, group, qb, {}, {}).alerts.empty());
}

TEST_CASE("posting.completed of the current revision makes the order posted") {
  const auto record = posted();
  CHECK(record.state == OrderState::posted);
  CHECK(record.txn_id == "TXN-1");
}

TEST_CASE("looking at a posted order again without changes posts nothing") {
  const auto decision = evaluate(posted(), shipped_group(), known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::posted);
  CHECK_FALSE(decision.posting);
}

TEST_CASE("an edit after posting asks for an update under the next revision") {
  auto group = shipped_group();
  group.parts[0].items[0].quantity = dec("3");
  const auto decision = evaluate(posted(), group, known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::updating);
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::update);
  CHECK(decision.posting->revision == 2);
  CHECK(decision.posting->transaction->lines[0].amount.to_string() == "37.04");
}

TEST_CASE("cancelling after posting asks for a void") {
  auto group = shipped_group();
  group.parts[0].order_status = messages::OrderStatus::cancelled;
  const auto decision = evaluate(posted(), group, known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::voiding);
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::void_txn);
  CHECK_FALSE(decision.posting->transaction);
}

TEST_CASE("voiding the only label after posting asks for a void") {
  auto group = shipped_group();
  group.shipments[0].voided = true;
  const auto decision = evaluate(posted(), group, known_quickbooks(), {}, {});
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::void_txn);
}

TEST_CASE("voiding one of several labels updates the date to the next label's") {
  auto group = shipped_group();
  group.shipments.push_back(label(9002, 5001, "2026-11-23", "2026-11-23T18:00:00Z"));
  const auto before = evaluate(posted(), group, known_quickbooks(), {}, {});
  CHECK_FALSE(before.posting);
  group.shipments[0].voided = true;
  const auto decision = evaluate(posted(), group, known_quickbooks(), {}, {});
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::update);
  CHECK(messages::format_date(decision.posting->transaction->txn_date) == "2026-11-23");
}

TEST_CASE("a split part with an unknown item arriving after the add voids the transaction and parks the order") {
  const auto group = split_with_unknown_child();
  auto qb = known_quickbooks();
  qb.missing_item("NEW-SKU");
  const auto decision = evaluate(posted(), group, qb, {}, {});
  CHECK(decision.record.state == OrderState::needs_review);
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::void_txn);
  CHECK(decision.posting->revision == 2);
  REQUIRE(decision.alerts.size() == 1);
  CHECK(decision.alerts[0].kind == "unknown_item");
  const auto done = on_completed(decision.record, {"100234", 2, PostingAction::void_txn, messages::TxnKind::invoice,
                                                   messages::PostingOutcome::voided, "TXN-1", "2", "100234",
                                                   std::nullopt});
  CHECK(done.state == OrderState::needs_review);
  CHECK_FALSE(evaluate(done, group, qb, {}, {}).posting);
}

TEST_CASE("once the unknown item exists the parked order's voided transaction is updated with every line") {
  const auto group = split_with_unknown_child();
  auto qb = known_quickbooks();
  qb.missing_item("NEW-SKU");
  auto parked = evaluate(posted(), group, qb, {}, {}).record;
  auto fixed = known_quickbooks();
  fixed.item("NEW-SKU");
  const auto decision = evaluate(parked, group, fixed, {}, {});
  REQUIRE(decision.posting);
  CHECK(decision.posting->action == PostingAction::update);
  CHECK(decision.posting->order_ids == std::vector<std::int64_t>{5001, 5002});
}

TEST_CASE("an order cancelled before anything was posted ends cancelled without a posting") {
  auto group = shipped_group();
  group.parts[0].order_status = messages::OrderStatus::cancelled;
  const auto decision = evaluate(fresh(), group, known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::cancelled);
  CHECK_FALSE(decision.posting);
}

TEST_CASE("a split order posts once with the lines of every part") {
  auto group = shipped_group();
  auto child = order(5002);
  child.parent_id = 5001;
  child.items = {line("GADGET", "1", "10")};
  group.parts.push_back(child);
  const auto decision = evaluate(fresh(), group, known_quickbooks(), {}, {});
  REQUIRE(decision.posting);
  CHECK(decision.posting->order_ids == std::vector<std::int64_t>{5001, 5002});
  CHECK(decision.posting->transaction->lines[1].item_full_name == "GADGET");
}

TEST_CASE("a final posting failure of the current revision fails the order with its reason and an alert") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  const auto [record, alert] = on_failed(sent, failure(1, messages::FailureDisposition::final_failure));
  CHECK(record.state == OrderState::failed);
  CHECK(record.reason == "QuickBooks refused the add (3140): Invalid reference to Customer");
  REQUIRE(alert);
  CHECK(alert->kind == "posting_failed");
}

TEST_CASE("a transient failure or one of an older revision changes nothing") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  CHECK(on_failed(sent, failure(1, messages::FailureDisposition::transient)).first == sent);
  CHECK(on_failed(sent, failure(0, messages::FailureDisposition::final_failure)).first == sent);
}

TEST_CASE("a write whose answer was lost puts the order in doubt") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  const auto record = on_in_doubt(sent, {"100234", 1, PostingAction::add, messages::TxnKind::invoice, "req-1", "lost"});
  CHECK(record.state == OrderState::in_doubt);
}

TEST_CASE("retrying a failed order sends the unchanged transaction again as an update") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  const auto failed = on_failed(sent, failure(1, messages::FailureDisposition::final_failure)).first;
  CHECK_FALSE(evaluate(failed, shipped_group(), known_quickbooks(), {}, {}).posting);
  const auto retried = evaluate(failed, shipped_group(), known_quickbooks(), {}, {}, true);
  REQUIRE(retried.posting);
  CHECK(retried.posting->action == PostingAction::update);
  CHECK(retried.posting->revision == 2);
}

TEST_CASE("looking at a failed order again keeps it failed with its reason") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  const auto failed = on_failed(sent, failure(1, messages::FailureDisposition::final_failure)).first;
  const auto again = evaluate(failed, shipped_group(), known_quickbooks(), {}, {});
  CHECK(again.record == failed);
  CHECK_FALSE(again.posting);
}

TEST_CASE("cancelling an order whose only add QuickBooks refused voids nothing and ends cancelled") {
  const auto sent = evaluate(fresh(), shipped_group(), known_quickbooks(), {}, {}).record;
  const auto failed = on_failed(sent, failure(1, messages::FailureDisposition::final_failure)).first;
  auto group = shipped_group();
  group.parts[0].order_status = messages::OrderStatus::cancelled;
  const auto decision = evaluate(failed, group, known_quickbooks(), {}, {});
  CHECK_FALSE(decision.posting);
  CHECK(decision.record.state == OrderState::cancelled);
}

TEST_CASE("a shipped order whose every amount is zero needs review") {
  auto group = shipped_group();
  group.parts[0].items[0].unit_price = dec("0");
  group.parts[0].shipping_amount = dec("0");
  group.parts[0].tax_amount = dec("0");
  const auto decision = evaluate(fresh(), group, known_quickbooks(), {}, {});
  CHECK(decision.record.state == OrderState::needs_review);
  CHECK(decision.alerts.at(0).kind == "nothing_to_post");
}

TEST_CASE("a lookup QuickBooks could not answer sends the parked order to review") {
  auto record = fresh();
  record.state = OrderState::validating;
  const auto decision = on_lookup_failed(record, {3180, "locked"});
  CHECK(decision.record.state == OrderState::needs_review);
  CHECK(decision.alerts.at(0).kind == "lookup_failed");
}

TEST_CASE("state names round-trip") {
  for (auto s = 0; s <= static_cast<int>(OrderState::cancelled); ++s)
    CHECK(order_state_from(to_string(static_cast<OrderState>(s))) == static_cast<OrderState>(s));
}
