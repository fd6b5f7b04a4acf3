#include <catch2/catch.hpp>

#include "reconciler_rig.hpp"

using namespace ml;
using namespace ml::reconciler;
using namespace ml::reconciler::testing;
using messages::PostingAction;
using Rig = ReconcilerRig;

namespace {

// A rig whose QuickBooks company knows Ada, WIDGET-1 and GADGET.
struct KnownCompany : Rig {
  KnownCompany() {
    add_customer("Ada Lovelace", "ada@example.com");
    add_item("WIDGET-1");
    add_item("GADGET");
  }

  /// Order 100234 shipped on 2026-11-21 and QuickBooks asked about it: the add it leads to.
  messages::PostingRequested post_shipped_order() {
    send(order());
    send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"));
    const auto postings = of_type<messages::PostingRequested>(answer_lookups(published()));
    REQUIRE(postings.size() == 1);
    return postings[0];
  }

  void confirm(const messages::PostingRequested& p, const std::string& txn_id = "TXN-1") {
    send(messages::PostingCompleted{p.posting_key, p.revision, p.action, p.txn_kind,
                                    p.action == PostingAction::void_txn ? messages::PostingOutcome::voided
                                                                        : messages::PostingOutcome::created,
                                    txn_id, "1", p.posting_key, std::nullopt});
  }
};

messages::SsOrderChanged edited(messages::SsOrderChanged o, const char* modified) {
  o.modify_date = at(modified);
  return o;
}

}  // namespace

TEST_CASE_METHOD(KnownCompany, "a shipped order with known customer and items is posted with exact lines, amounts and date",
                 "[integration]") {
  const auto posting = post_shipped_order();
  CHECK(posting.posting_key == "100234");
  CHECK(posting.action == PostingAction::add);
  CHECK(posting.revision == 1);
  const auto& tx = *posting.transaction;
  CHECK(messages::format_date(tx.txn_date) == "2026-11-21");
  CHECK(tx.customer_full_name == "Ada Lovelace");
  CHECK(tx.ref_number == "100234");
  REQUIRE(tx.lines.size() == 3);
  CHECK(tx.lines[0] == messages::PostingLine{"WIDGET-1", "Item WIDGET-1", dec("2"), dec("12.345"), dec("24.69")});
  CHECK(tx.lines[1] == messages::PostingLine{"Shipping", std::nullopt, std::nullopt, std::nullopt, dec("5.00")});
  CHECK(tx.lines[2] == messages::PostingLine{"Sales Tax", std::nullopt, std::nullopt, std::nullopt, dec("1.98")});
  CHECK(state("100234") == "posting");
  confirm(posting);
  CHECK(state("100234") == "posted");
  CHECK(text("SELECT txn_id FROM " + schema + ".orders") == "TXN-1");
}

TEST_CASE_METHOD(KnownCompany, "every transition of an order is in the audit trail with its correlation id",
                 "[integration]") {
  const auto number = "AUD-" + core::new_uuid().substr(0, 8);  // audit.events is shared by every test
  const auto first = send(order(5001, number));
  answer_lookups(published());
  CHECK(count("orders") == 1);
  auto lease = pool.acquire();
  const auto events = store::audit_query(*lease, {.order_number = number, .service = "reconciler"});
  std::vector<std::string> kinds;
  for (const auto& e : events) kinds.push_back(e.kind);
  CHECK(kinds == std::vector<std::string>{"order.received", "order.synced", "lookup.requested", "lookup.requested",
                                          "order.validating", "lookup.completed", "lookup.completed", "order.valid"});
  CHECK(events[0].correlation_id == first.header.correlation_id);
}

TEST_CASE_METHOD(KnownCompany, "a cache miss asks QuickBooks and the parked order continues when the answer comes",
                 "[integration]") {
  send(order());
  send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"));
  const auto asked = published();
  const auto lookups = of_type<messages::QbLookupRequested>(asked);
  REQUIRE(lookups.size() == 2);
  CHECK(lookups[0].kind == messages::LookupKind::customer);
  CHECK(lookups[0].order_number == "100234");
  CHECK(lookups[1].keys == std::vector<messages::LookupKey>{{messages::LookupField::full_name, "WIDGET-1"}});
  CHECK(state("100234") == "validating");
  CHECK(of_type<messages::PostingRequested>(answer_lookups(asked)).size() == 1);
  CHECK(state("100234") == "posting");
}

TEST_CASE_METHOD(KnownCompany, "orders needing the same answer share one lookup and both continue", "[integration]") {
  send(order(5001, "100234"));
  send(order(5002, "100235"));
  const auto asked = published();
  CHECK(of_type<messages::QbLookupRequested>(asked).size() == 2);
  answer_lookups(asked);
  CHECK(state("100234") == "valid");
  CHECK(state("100235") == "valid");
}

TEST_CASE_METHOD(KnownCompany, "an unknown SKU parks its order with an alert while the rest of the batch is posted",
                 "[integration]") {
  auto bad = order(5002, "100235");
  bad.items.push_back(line("NO-SUCH-SKU", "1", "3.00"));
  send(order());
  send(bad);
  send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"));
  send(label(9002, 5002, "2026-11-21", "2026-11-21T18:05:00Z"));
  const auto out = answer_lookups(published());
  const auto postings = of_type<messages::PostingRequested>(out);
  REQUIRE(postings.size() == 1);
  CHECK(postings[0].posting_key == "100234");
  const auto alerts = of_type<messages::AlertRaised>(out);
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].kind == "unknown_item");
  CHECK(alerts[0].order_number == "100235");
  CHECK(state("100235") == "needs_review");
  CHECK(count("alerts WHERE state = 'open' AND kind = 'unknown_item' AND order_number = '100235'") == 1);
}

TEST_CASE_METHOD(KnownCompany, "an edit after posting becomes an update of the same key", "[integration]") {
  confirm(post_shipped_order());
  auto o = edited(order(), "2026-11-26T16:00:00Z");
  o.items[0].quantity = dec("3");
  send(o);
  const auto postings = of_type<messages::PostingRequested>(published());
  REQUIRE(postings.size() == 1);
  CHECK(postings[0].action == PostingAction::update);
  CHECK(postings[0].revision == 2);
  CHECK(postings[0].transaction->lines[0].amount == dec("37.04"));
  CHECK(state("100234") == "updating");
}

TEST_CASE_METHOD(KnownCompany, "an older version of an order arriving late changes nothing", "[integration]") {
  confirm(post_shipped_order());
  auto stale = edited(order(), "2026-11-26T14:00:00Z");
  stale.items[0].quantity = dec("9");
  send(stale);
  CHECK(published().empty());
  CHECK(state("100234") == "posted");
}

TEST_CASE_METHOD(KnownCompany, "cancelling after posting voids the transaction", "[integration]") {
  confirm(post_shipped_order());
  auto o = edited(order(), "2026-11-26T16:00:00Z");
  o.order_status = messages::OrderStatus::cancelled;
  send(o);
  const auto postings = of_type<messages::PostingRequested>(published());
  REQUIRE(postings.size() == 1);
  CHECK(postings[0].action == PostingAction::void_txn);
  CHECK(state("100234") == "voiding");
  confirm(postings[0]);
  CHECK(state("100234") == "voided");
}

TEST_CASE_METHOD(KnownCompany, "voiding the only label after posting voids the transaction", "[integration]") {
  confirm(post_shipped_order());
  send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z", true));
  const auto postings = of_type<messages::PostingRequested>(published());
  REQUIRE(postings.size() == 1);
  CHECK(postings[0].action == PostingAction::void_txn);
}

TEST_CASE_METHOD(KnownCompany, "a split order posts once under the parent's number with every part's lines",
                 "[integration]") {
  auto parent = order(5001);
  auto child = order(5002);
  child.parent_id = 5001;
  child.merged_or_split = true;
  child.items = {line("GADGET", "1", "10.00")};
  child.shipping_amount = dec("0");
  child.tax_amount = dec("0");
  parent.merged_or_split = true;
  send(parent);
  send(child);
  answer_lookups(published());
  send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"));
  send(label(9002, 5002, "2026-11-22", "2026-11-22T18:00:00Z"));
  const auto postings = of_type<messages::PostingRequested>(published());
  REQUIRE(postings.size() == 1);
  CHECK(postings[0].posting_key == "100234");
  CHECK(postings[0].order_ids == std::vector<std::int64_t>{5001, 5002});
  CHECK(postings[0].transaction->lines.size() == 4);
  CHECK(count("orders") == 1);
}

TEST_CASE_METHOD(KnownCompany, "a repeated message has no effect", "[integration]") {
  send(order());
  answer_lookups(published());
  const auto shipped = messages::encode(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"),
                                        service::start_flow(clock_));
  send_envelope(shipped);
  send_envelope(shipped);
  send(messages::AlertRaised{core::new_uuid(), "dead_letter", messages::AlertSeverity::error, "test", std::nullopt,
                             "marker", {}});
  CHECK(of_type<messages::PostingRequested>(published()).size() == 1);
  CHECK(count("orders WHERE revision = 1") == 1);
}

TEST_CASE_METHOD(KnownCompany, "a final posting failure fails the order with the reason and an open alert",
                 "[integration]") {
  const auto posting = post_shipped_order();
  send(messages::PostingFailed{posting.posting_key, posting.revision, posting.action, posting.txn_kind,
                               messages::FailureDisposition::final_failure, 3140,
                               "There is an invalid reference to QuickBooks Customer", std::nullopt});
  CHECK(state("100234") == "failed");
  CHECK(text("SELECT reason FROM " + schema + ".orders") ==
        "QuickBooks refused the add (3140): There is an invalid reference to QuickBooks Customer");
  const auto alerts = of_type<messages::AlertRaised>(published());
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].kind == "posting_failed");
  CHECK(count("alerts WHERE state = 'open' AND kind = 'posting_failed'") == 1);
}

TEST_CASE_METHOD(KnownCompany, "a write in doubt puts the order in doubt until the writer settles it", "[integration]") {
  const auto posting = post_shipped_order();
  send(messages::PostingInDoubt{posting.posting_key, posting.revision, posting.action, posting.txn_kind, core::new_uuid(),
                                "session ended"});
  CHECK(state("100234") == "in_doubt");
  confirm(posting);
  CHECK(state("100234") == "posted");
}

TEST_CASE_METHOD(Rig, "revalidating a parked order after QuickBooks was fixed posts it and resolves its alert",
                 "[integration]") {
  add_item("WIDGET-1");
  send(order());
  send(label(9001, 5001, "2026-11-21", "2026-11-21T18:00:00Z"));
  answer_lookups(published());
  CHECK(state("100234") == "needs_review");
  CHECK(count("alerts WHERE state = 'open' AND kind = 'unknown_customer'") == 1);

  add_customer("Ada Lovelace", "ada@example.com");
  const auto response = revalidate("100234");
  CHECK(response.result() == core::http::status::ok);
  CHECK(response.body() == R"({"posting_keys":["100234"]})");
  REQUIRE(bus::testing::eventually([&] { return count("outbox WHERE sent_at IS NULL") == 0; }, 20s));
  CHECK(of_type<messages::PostingRequested>(answer_lookups(published())).size() == 1);
  CHECK(state("100234") == "posting");
  CHECK(count("alerts WHERE state = 'resolved' AND kind = 'unknown_customer'") == 1);
}

TEST_CASE_METHOD(Rig, "revalidating an order number nobody knows answers 404", "[integration]") {
  CHECK(revalidate("NOPE-1").result() == core::http::status::not_found);
  CHECK(revalidate("  ").result() == core::http::status::bad_request);
}

TEST_CASE_METHOD(Rig, "an order number carrying SQL is only an order number nobody knows", "[integration]") {
  add_item("WIDGET-1");
  send(order());
  const auto orders = count("orders");
  CHECK(revalidate("100234' OR '1'='1").result() == core::http::status::not_found);
  CHECK(revalidate("100234'; DELETE FROM orders; --").result() == core::http::status::not_found);
  CHECK(count("orders") == orders);
}

TEST_CASE_METHOD(KnownCompany, "a batch whose quantities exceed QuickBooks' on-hand raises an inventory discrepancy",
                 "[integration]") {
  add_item("WIDGET-1", "1");
  send(order());
  published();
  messages::SsBatchReceived batch;
  batch.batch_id = "batch-1";
  batch.order_ids = {5001};
  batch.orders_fetched = 1;
  send(batch);
  const auto out = published();
  const auto lookups = of_type<messages::QbLookupRequested>(out);
  REQUIRE(lookups.size() == 1);
  CHECK(lookups[0].kind == messages::LookupKind::item_inventory);
  CHECK(lookups[0].batch_id == "batch-1");
  const auto alerts = of_type<messages::AlertRaised>(answer_lookups(out));
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].kind == "inventory_discrepancy");
  CHECK(alerts[0].message == "Batch batch-1 needs 2 of WIDGET-1 but QuickBooks has 1 on hand.");
  CHECK(text("SELECT discrepancies FROM " + schema + ".batches") == "1");
}

TEST_CASE_METHOD(Rig, "alerts raised by other services are stored open, once", "[integration]") {
  messages::AlertRaised alert{core::new_uuid(), "dead_letter", messages::AlertSeverity::error, "qbxml-writer",
                              std::nullopt, "A message was dead-lettered.", messages::RawJson{R"({"queue":"x"})"}};
  const auto envelope = messages::encode(alert, service::start_flow(clock_));
  send_envelope(envelope);
  send(messages::AlertRaised{core::new_uuid(), "dead_letter", messages::AlertSeverity::info, "test", std::nullopt, "marker", {}});
  CHECK(count("alerts WHERE state = 'open' AND service = 'qbxml-writer'") == 1);
}
