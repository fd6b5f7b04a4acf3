#include <catch2/catch.hpp>

#include "ml/qbwc_sim/hcp.hpp"
#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

namespace {

const std::string kBadThenGood =
    "<InvoiceQueryRq requestID=\"1\"><TxnID>FF-1</TxnID></InvoiceQueryRq>" + invoice_add("SS-1", "2");

}  // namespace

TEST_CASE("under stopOnError the requests after an error are not processed") {
  Fixture f;
  Response r(f.process(kBadThenGood, R"(onError="stopOnError")"));
  CHECK(r.count() == 1);
  CHECK(r.status(0) == 3120);
  CHECK(f.company.invoices.size() == 2);
}

TEST_CASE("under continueOnError every request is answered") {
  Fixture f;
  Response r(f.process(kBadThenGood, R"(onError="continueOnError")"));
  CHECK(r.count() == 2);
  CHECK(r.status(1) == 0);
  CHECK(std::string(r.rs(1).Attribute("requestID")) == "2");
}

TEST_CASE("a request set the schema rejects is rejected whole and nothing is applied") {
  Fixture f;
  if (!schema()) return;
  std::string wrong_order = invoice_add("SS-7");
  const std::string date = "<TxnDate>2024-05-01</TxnDate>";
  wrong_order.erase(wrong_order.find(date), date.size());
  wrong_order.insert(wrong_order.find("<PONumber>"), date);
  const auto result = f.process_raw(request_set(invoice_add("SS-6") + wrong_order));
  CHECK(result.hresult == "0x80040400");
  CHECK(f.company.invoices.size() == 2);
}

TEST_CASE("oldMessageSetID returns the saved responses of the last message set") {
  Fixture f;
  Response sent(f.process(invoice_add(), R"(newMessageSetID="AB1F2395" onError="continueOnError")"));
  CHECK(std::string(sent.set().Attribute("newMessageSetID")) == "AB1F2395");
  f.new_session();
  Response recovered(f.process("", R"(oldMessageSetID="AB1F2395" newMessageSetID="AB1F2395" onError="continueOnError")"));
  CHECK(recovered.set().IntAttribute("messageSetStatusCode") == 0);
  CHECK(recovered.find("TxnID") == sent.find("TxnID"));
  Response cleared(f.process("", R"(oldMessageSetID="AB1F2395" onError="continueOnError")"));
  CHECK(cleared.count() == 1);
  CHECK(Response(f.process("", R"(oldMessageSetID="AB1F2395" onError="continueOnError")")).set().IntAttribute("messageSetStatusCode") == 600);
}

TEST_CASE("responseData includeNone returns status without data") {
  Fixture f;
  Response r(f.process(invoice_add(), R"(responseData="includeNone" onError="stopOnError")"));
  CHECK(r.status() == 0);
  CHECK(r.rs().FirstChildElement() == nullptr);
}

TEST_CASE("a request the simulator does not model is answered 1030") {
  Fixture f;
  Response r(f.process("<AccountQueryRq/>"));
  CHECK(r.status() == 1030);
}

TEST_CASE("the HCP response describes the company and validates") {
  Fixture f;
  const std::string hcp = host_company_preferences_response(f.company);
  require_valid_response(hcp);
  Response r(hcp);
  CHECK(r.count() == 3);
  CHECK(r.find("ProductName", 0) == "QuickBooks Pro 2014");
  CHECK(r.find("CompanyName", 1) == "Moonlight Gear Co");
  CHECK(r.find("DataExtValue", 1) == f.company.info.file_id);
}
