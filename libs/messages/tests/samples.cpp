#include "samples.hpp"

#include <chrono>

namespace ml::messages::testing {

using core::Decimal;
using namespace std::chrono;

namespace {

UtcTime utc(const char* text) { return *parse_utc(text); }
Date date(const char* text) { return *parse_date(text); }

}  // namespace

EnvelopeHeader sample_header() {
  return {"5d7f3c1e-8a2b-4c6d-9e0f-123456789abc", "order-100234", "0b6c1f4e-2d3a-4b5c-8d9e-abcdefabcdef",
          utc("2026-11-26T15:04:05.123Z")};
}

template <>
SsOrderChanged full_sample() {
  SsOrderChanged m;
  m.order_id = 987654321;
  m.order_number = "100234";
  m.order_key = "0f6bec18-3e89-4881-83aa-f392d84f4c74";
  m.store_id = 12345;
  m.order_status = OrderStatus::shipped;
  m.order_date = utc("2015-06-29T15:00:00Z");
  m.modify_date = utc("2015-08-17T16:24:16.48Z");
  m.modify_date_raw = "2015-08-17T09:24:16.4800000";
  m.ship_date = date("2015-08-18");
  m.customer_email = "headhoncho@whitehouse.gov";
  m.customer_username = "headhoncho@whitehouse.gov";
  m.bill_to.emplace().name = "The President";
  m.ship_to = Address{"The President", "US Govt", "1600 Pennsylvania Ave", "Oval Office", std::nullopt,
                      "Washington", "DC", "20500", "US", "555-555-5555"};
  m.items = {OrderItem{123, "vd08-MSLbtx", "ABC123", "Test item #1", Decimal::from_string("2"),
                       Decimal::from_string("99.99"), false},
             OrderItem{std::nullopt, std::nullopt, "DISCOUNT CODE", "10% OFF", Decimal::from_string("1"),
                       Decimal::from_string("-20.55"), true}};
  m.shipping_amount = Decimal::from_string("0.00");
  m.tax_amount = Decimal::from_string("2.50");
  m.order_total = Decimal::from_string("181.93");
  m.amount_paid = Decimal::from_string("218.73");
  m.parent_id = 987654000;
  m.merged_or_split = true;
  m.merged_ids = {987654001, 987654002};
  m.batch_id = "b1a2c3d4-0000-4000-8000-000000000001";
  return m;
}

template <>
SsOrderChanged minimal_sample() {
  SsOrderChanged m;
  m.order_id = 1;
  m.order_number = "1";
  m.order_status = OrderStatus::awaiting_shipment;
  m.modify_date = utc("2026-01-01T08:00:00Z");
  m.modify_date_raw = "2026-01-01T00:00:00.0000000";
  m.batch_id = "poll-1";
  return m;
}

template <>
SsShipmentChanged full_sample() {
  SsShipmentChanged m;
  m.shipment_id = 33974374;
  m.source = ShipmentSource::label;
  m.order_id = 987654321;
  m.order_number = "100234";
  m.order_key = "0f6bec18-3e89-4881-83aa-f392d84f4c74";
  m.store_id = 12345;
  m.create_date = utc("2016-02-26T01:31:23.0870000Z");
  m.create_date_raw = "2016-02-25T17:31:23.0870000";
  m.ship_date = date("2016-02-26");
  m.voided = true;
  m.void_date = utc("2016-02-27T18:00:00.1234567Z");
  m.void_date_raw = "2016-02-27T10:00:00.1234567";
  m.tracking_number = "9400111899561704681189";
  m.carrier_code = "stamps_com";
  m.service_code = "usps_first_class_mail";
  m.shipment_cost = Decimal::from_string("2.35");
  m.shipment_items = std::vector{ShipmentItem{123, "vd08-MSLbtx", "ABC123", "Test item #1", Decimal::from_string("2"),
                                              Decimal::from_string("99.99")}};
  m.batch_id = "144015674";
  return m;
}

template <>
SsShipmentChanged minimal_sample() {
  SsShipmentChanged m;
  m.shipment_id = 5;
  m.source = ShipmentSource::fulfillment;
  m.order_id = 1;
  m.order_number = "1";
  m.create_date = utc("2020-06-19T07:00:00Z");
  m.create_date_raw = "2020-06-19T00:00:00.0000000";
  m.ship_date = date("2020-06-19");
  m.batch_id = "poll-2";
  return m;
}

template <>
SsBatchReceived full_sample() {
  return {"b1a2c3d4-0000-4000-8000-000000000001",
          BatchSource::webhook,
          "SHIP_NOTIFY",
          "https://ssapi6.shipstation.com/shipments?batchId=190671332&includeShipmentItems=False",
          utc("2026-11-26T14:00:00Z"),
          utc("2026-11-26T15:00:00Z"),
          {987654321, 987654322},
          {33974374},
          3,
          1};
}

template <>
SsBatchReceived minimal_sample() {
  SsBatchReceived m;
  m.batch_id = "poll-3";
  return m;
}

template <>
QbLookupRequested full_sample() {
  return {"6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
          LookupKind::customer,
          {{LookupField::email, "headhoncho@whitehouse.gov"}, {LookupField::full_name, "The President"}},
          "100234",
          "b1a2c3d4-0000-4000-8000-000000000001"};
}

template <>
QbLookupRequested minimal_sample() {
  return {"6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f", LookupKind::item, {{LookupField::full_name, "ABC123"}}, {}, {}};
}

template <>
QbLookupCompleted full_sample() {
  return {"6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
          LookupKind::item_inventory,
          {QbCustomer{"80000001-1405768916", "The President", "headhoncho@whitehouse.gov", true,
                      "2014-07-19T11:21:56-08:00"}},
          {QbItem{"80000004-1405769149", "ABC123", QbItemType::inventory_assembly, true, Decimal::from_string("-281"),
                  "2014-07-19T11:25:49-08:00"}},
          {{LookupField::full_name, "XYZ999"}},
          QbStatus{500, "The query request has not been fully completed."}};
}

template <>
QbLookupCompleted minimal_sample() {
  return {"6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f", LookupKind::customer, {}, {}, {}, {}};
}

template <>
PostingRequested full_sample() {
  PostingTransaction txn{date("2015-08-18"),
                         "100234",
                         "100234",
                         "ShipStation order 100234",
                         "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                         "The President",
                         {PostingLine{"ABC123", "Test item #1", Decimal::from_string("2"),
                                      Decimal::from_string("99.995"), Decimal::from_string("199.99")},
                          PostingLine{"Shipping", {}, {}, {}, Decimal::from_string("8.00")}}};
  return {"12345:100234", 3, PostingAction::update, TxnKind::invoice, {987654321, 987654322}, txn};
}

template <>
PostingRequested minimal_sample() {
  return {"100234", 1, PostingAction::void_txn, TxnKind::journal_entry, {}, {}};
}

template <>
PostingCompleted full_sample() {
  return {"100234", 2, PostingAction::add, TxnKind::invoice, PostingOutcome::adopted, "1A2-1405769350",
          "1405769350", "100234", "2014-07-19T11:29:10-08:00"};
}

template <>
PostingCompleted minimal_sample() {
  return {"100234", 4, PostingAction::void_txn, TxnKind::invoice, PostingOutcome::voided, "1A2-1405769350",
          {}, {}, {}};
}

template <>
PostingFailed full_sample() {
  return {"100234", 2, PostingAction::add, TxnKind::invoice, FailureDisposition::final_failure, 3140,
          "There is an invalid reference to QuickBooks Customer \"The President\" in the Invoice.",
          "0x80040400"};
}

template <>
PostingFailed minimal_sample() {
  return {"100234", 2, PostingAction::update, TxnKind::invoice, FailureDisposition::transient, {},
          "The list has been modified by another user.", {}};
}

template <>
PostingInDoubt full_sample() {
  return {"100234", 2, PostingAction::add, TxnKind::invoice, "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
          "QBWC session ended before the response to the InvoiceAddRq arrived"};
}

template <>
PostingInDoubt minimal_sample() {
  return full_sample<PostingInDoubt>();
}

template <>
QbxmlRequest full_sample() {
  return {"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
          "C:\\Company Files\\Merchant.QBW",
          0,
          "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
          QbxmlRequestKind::write,
          "<InvoiceAddRq requestID=\"7a8b9c0d\"><InvoiceAdd><CustomerRef><FullName>The President</FullName>"
          "</CustomerRef></InvoiceAdd></InvoiceAddRq>",
          "100234"};
}

template <>
QbxmlRequest minimal_sample() {
  return {"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "", 9, {}, QbxmlRequestKind::query,
          "<CustomerQueryRq requestID=\"1\" iterator=\"Start\"><MaxReturned>100</MaxReturned></CustomerQueryRq>", {}};
}

template <>
QbxmlResponse full_sample() {
  return {"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
          "354f40b4-b661-4472-a13f-8abf13a743c3",
          QbxmlOutcome::answered,
          0,
          StatusSeverity::info,
          "Status OK",
          "<CustomerQueryRs requestID=\"1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\" "
          "iteratorRemainingCount=\"18\" iteratorID=\"{eb05f701-e727-472f-8ade-6753c4f67a46}\"></CustomerQueryRs>",
          "{eb05f701-e727-472f-8ade-6753c4f67a46}",
          18,
          {}};
}

template <>
QbxmlResponse minimal_sample() {
  return {"7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "354f40b4-b661-4472-a13f-8abf13a743c3", QbxmlOutcome::in_doubt,
          {}, {}, {}, {}, {}, {}, {}};
}

template <>
QbwcSession full_sample() {
  return {"354f40b4-b661-4472-a13f-8abf13a743c3", SessionEvent::ended, "C:\\Company Files\\Merchant.QBW", "13.0", 12, 11,
          1, "0x80040408: Could not start QuickBooks."};
}

template <>
QbwcSession minimal_sample() {
  return {"354f40b4-b661-4472-a13f-8abf13a743c3", SessionEvent::started, {}, {}, 0, 0, 0, {}};
}

template <>
AlertRaised full_sample() {
  return {"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
          std::string(alert_kind::unknown_customer),
          AlertSeverity::error,
          "reconciler",
          "100234",
          "No QuickBooks customer matches headhoncho@whitehouse.gov or \"The President\"",
          RawJson{R"({"email":"headhoncho@whitehouse.gov","name":"The President","tried":["email","name"]})"}};
}

template <>
AlertRaised minimal_sample() {
  return {"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", std::string(alert_kind::dead_letter), AlertSeverity::warning,
          "qbxml-writer", {}, "A message was dead-lettered", RawJson{}};
}

}  // namespace ml::messages::testing
