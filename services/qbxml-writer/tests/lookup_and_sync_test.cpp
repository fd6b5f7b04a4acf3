#include <catch2/catch.hpp>

#include <string>

#include "ml/qbxml_writer/list_sync.hpp"
#include "ml/qbxml_writer/lookup_planner.hpp"

using namespace ml::qbxml_writer;
namespace msg = ml::messages;

namespace {

struct Ids {
  int next = 0;
  std::function<std::string()> fn() { return [this] { return "q-" + std::to_string(++next); }; }
};

msg::QbxmlResponse page(const std::string& request_id, const std::string& kind, int code, const std::string& body,
                        std::optional<std::int64_t> remaining = std::nullopt) {
  msg::QbxmlResponse r;
  r.request_id = request_id;
  r.ticket = "t";
  r.status_code = code;
  r.iterator_remaining_count = remaining;
  r.response_xml = "<" + kind + " requestID=\"" + request_id + "\" statusCode=\"" + std::to_string(code) +
                   "\" statusSeverity=\"" + (code <= 1 ? "Info" : "Error") + "\" statusMessage=\"m\">" + body + "</" +
                   kind + ">";
  return r;
}

std::string customer(const std::string& id, const std::string& name, const std::string& modified) {
  return "<CustomerRet><ListID>" + id + "</ListID><TimeCreated>2026-01-01T00:00:00</TimeCreated><TimeModified>" +
         modified + "</TimeModified><EditSequence>1</EditSequence><Name>" + name + "</Name><FullName>" + name +
         "</FullName><IsActive>true</IsActive><Email>" + name + "@example.com</Email></CustomerRet>";
}

msg::QbLookupRequested lookup(std::vector<msg::LookupKey> keys, msg::LookupKind kind = msg::LookupKind::customer) {
  msg::QbLookupRequested r;
  r.lookup_id = "L-1";
  r.kind = kind;
  r.keys = std::move(keys);
  return r;
}

}  // namespace

TEST_CASE("a lookup by names sends one query and answers with found and missing keys") {
  Ids ids;
  LookupPlanner planner("", ids.fn());
  auto d = planner.on_requested(lookup({{msg::LookupField::full_name, "Jane"}, {msg::LookupField::full_name, "Nobody"}}), {});
  REQUIRE(d.messages.size() == 1);
  const auto& rq = std::get<msg::QbxmlRequest>(d.messages[0]);
  CHECK(rq.request_xml.starts_with("<CustomerQueryRq requestID=\"q-1\">"));
  CHECK(rq.request_xml.find("<FullName>Nobody</FullName>") != std::string::npos);

  d = planner.on_response(d.lookup, page("q-1", "CustomerQueryRs", 0, customer("80-1", "Jane", "2026-02-01T10:00:00")));
  REQUIRE(d.messages.size() == 1);
  const auto& done = std::get<msg::QbLookupCompleted>(d.messages[0]);
  REQUIRE(done.customers.size() == 1);
  CHECK(done.customers[0].list_id == "80-1");
  CHECK(done.customers[0].email == "Jane@example.com");
  REQUIRE(done.missing.size() == 1);
  CHECK(done.missing[0].value == "Nobody");
  CHECK_FALSE(done.error.has_value());
}

TEST_CASE("a lookup QuickBooks finds nothing for reports every key missing") {
  Ids ids;
  LookupPlanner planner("", ids.fn());
  auto d = planner.on_requested(lookup({{msg::LookupField::full_name, "SKU-1"}}, msg::LookupKind::item), {});
  CHECK(std::get<msg::QbxmlRequest>(d.messages[0]).request_xml.starts_with("<ItemQueryRq"));
  d = planner.on_response(d.lookup, page("q-1", "ItemQueryRs", 1, ""));
  const auto& done = std::get<msg::QbLookupCompleted>(d.messages.at(0));
  CHECK(done.items.empty());
  CHECK(done.missing.size() == 1);
}

TEST_CASE("a lookup by email is answered from the known customer list without a query") {
  Ids ids;
  LookupPlanner planner("", ids.fn());
  msg::QbCustomer known{"80-1", "Jane", "jane@example.com", true, std::nullopt};
  auto d = planner.on_requested(
      lookup({{msg::LookupField::email, "JANE@example.com"}, {msg::LookupField::email, "x@example.com"}}), {known});
  REQUIRE(d.messages.size() == 1);
  const auto& done = std::get<msg::QbLookupCompleted>(d.messages[0]);
  CHECK(done.customers.size() == 1);
  CHECK(done.missing.size() == 1);
}

TEST_CASE("a lookup QuickBooks refused carries the error and no missing keys") {
  Ids ids;
  LookupPlanner planner("", ids.fn());
  auto d = planner.on_requested(lookup({{msg::LookupField::list_id, "80-1"}}), {});
  d = planner.on_response(d.lookup, page("q-1", "CustomerQueryRs", 3180, ""));
  const auto& done = std::get<msg::QbLookupCompleted>(d.messages.at(0));
  REQUIRE(done.error.has_value());
  CHECK(done.error->status_code == 3180);
  CHECK(done.missing.empty());
}

TEST_CASE("the first run of a list loads everything and sets the watermark when the last page is answered") {
  Ids ids;
  ListSync sync("", 100, ids.fn());
  auto step = sync.start_run({SyncedList::customers, "", "", ""});
  const auto& rq = step.requests.at(0).request_xml;
  CHECK(rq.find("iterator=\"Start\"") != std::string::npos);
  CHECK(rq.find("<MaxReturned>100</MaxReturned>") != std::string::npos);
  CHECK(rq.find("FromModifiedDate") == std::string::npos);

  step = sync.on_page(step.row, page("q-1", "CustomerQueryRs", 0, customer("80-1", "A", "2026-03-01T10:00:00"), 1));
  CHECK_FALSE(step.completed);
  CHECK(step.row.watermark.empty());
  CHECK(step.customers.size() == 1);
  step = sync.on_page(step.row, page("q-1", "CustomerQueryRs", 0, customer("80-2", "B", "2026-02-01T10:00:00"), 0));
  CHECK(step.completed);
  CHECK(step.row.watermark == "2026-03-01T10:00:00");
}

TEST_CASE("a later run asks for records modified after the watermark") {
  Ids ids;
  ListSync sync("", 50, ids.fn());
  auto step = sync.start_run({SyncedList::invoices, "2026-03-01T10:00:00-08:00", "", ""});
  CHECK(step.requests.at(0).request_xml.find("<FromModifiedDate>2026-03-01T10:00:01</FromModifiedDate>") !=
        std::string::npos);
}

TEST_CASE("a run whose page is lost leaves the watermark where it was") {
  Ids ids;
  ListSync sync("", 100, ids.fn());
  auto step = sync.start_run({SyncedList::items, "2026-01-01T00:00:00", "", ""});
  step = sync.on_page(step.row, page("q-1", "ItemQueryRs", 0, "", 3));
  auto lost = page("q-1", "ItemQueryRs", 0, "");
  lost.outcome = msg::QbxmlOutcome::in_doubt;
  step = sync.on_page(step.row, lost);
  CHECK_FALSE(step.completed);
  CHECK(step.row.watermark == "2026-01-01T00:00:00");
  CHECK(step.row.run_request_id.empty());
}

TEST_CASE("pages of a run replaced by a newer session are ignored") {
  Ids ids;
  ListSync sync("", 100, ids.fn());
  auto first = sync.start_run({SyncedList::customers, "", "", ""});
  auto second = sync.start_run(first.row);
  auto step = sync.on_page(second.row, page("q-1", "CustomerQueryRs", 0, customer("80-1", "A", "2026-03-01T10:00:00"), 0));
  CHECK_FALSE(step.completed);
  CHECK(step.row.watermark.empty());
}
