#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

namespace {

FaultPlan plan(const char* spec, std::uint64_t seed = 1) { return FaultPlan::parse(spec, seed).value(); }

}  // namespace

TEST_CASE("a fault spec is parsed and described in the same form") {
  const FaultPlan p = plan("lose=0.1,lock=0.05,delay=2s");
  CHECK(p.lose == 0.1);
  CHECK(p.lock == 0.05);
  CHECK(p.delay == std::chrono::milliseconds(2000));
  CHECK(p.describe() == "lose=0.1,lock=0.05,delay=2000ms");
  CHECK(FaultPlan{}.describe() == "none");
}

TEST_CASE("a bad fault spec says which knob is wrong") {
  CHECK(FaultPlan::parse("lose=2").error().find("'lose'") != std::string::npos);
  CHECK(FaultPlan::parse("melt=0.1").error().find("unknown fault 'melt'") != std::string::npos);
}

TEST_CASE("the lock fault answers writes 3175 or 3180 and applies nothing") {
  Fixture f(plan("lock=1"));
  Response r(f.process(invoice_add("L1", "1") + invoice_add("L2", "2"), R"(onError="continueOnError")"));
  for (int i = 0; i < 2; ++i) CHECK((r.status(i) == 3175 || r.status(i) == 3180));
  CHECK(f.company.invoices.size() == 2);
  CHECK(Response(f.process("<CustomerQueryRq/>")).status() == 0);
}

TEST_CASE("the user_edit fault makes an up-to-date InvoiceMod stale") {
  Fixture f(plan("user_edit=1"));
  const Invoice& invoice = f.company.invoices[0];
  const std::string edit = invoice.stamp.edit_sequence;
  Response r(f.process("<InvoiceModRq><InvoiceMod><TxnID>" + invoice.txn_id + "</TxnID><EditSequence>" + edit +
                       "</EditSequence><Memo>x</Memo></InvoiceMod></InvoiceModRq>"));
  CHECK(r.status() == 3200);
  CHECK(f.company.invoices[0].stamp.edit_sequence != edit);
}

TEST_CASE("the delay fault waits once per request") {
  Fixture f;
  std::vector<std::chrono::milliseconds> waits;
  QuickBooksOptions options;
  options.faults = plan("delay=250ms");
  options.clock = f.clock;
  if (schema()) options.validator = *schema();
  options.sleep = [&](std::chrono::milliseconds d) { waits.push_back(d); };
  QuickBooksDesktop quickbooks(f.company, options, f.log);
  const int session = quickbooks.begin_session("").value();
  CHECK(quickbooks.process_request(session, request_set("<CustomerQueryRq/><ItemQueryRq/>")).ok());
  CHECK(waits == std::vector<std::chrono::milliseconds>(2, std::chrono::milliseconds(250)));
}

TEST_CASE("the not_running fault fails BeginSession with QuickBooks' HRESULTs") {
  Fixture f;
  QuickBooksOptions options;
  options.faults = plan("not_running=1");
  QuickBooksDesktop quickbooks(f.company, options, f.log);
  CHECK(quickbooks.begin_session("").error().hresult == "0x80040416");
  const auto named = quickbooks.begin_session(f.company.info.file_path);
  CHECK(named.error().hresult == "0x80040408");
  CHECK(named.error().message == "Could not start QuickBooks.");
}

TEST_CASE("a company file other than the open one cannot be opened") {
  Fixture f;
  CHECK(f.quickbooks->begin_session(R"(C:\Other.QBW)").error().hresult == "0x80040403");
}

TEST_CASE("faults are the same for the same seed and differ between seeds") {
  const auto outcomes = [](std::uint64_t seed) {
    Fixture f(plan("lock=0.5", seed));
    std::string body;
    for (int i = 0; i < 12; ++i) body += invoice_add("D" + std::to_string(i), std::to_string(i));
    Response r(f.process(body, R"(onError="continueOnError")"));
    std::vector<int> codes;
    for (int i = 0; i < 12; ++i) codes.push_back(r.status(i));
    return codes;
  };
  CHECK(outcomes(7) == outcomes(7));
  CHECK(outcomes(7) != outcomes(8));
}

TEST_CASE("fault streams of one seed are independent") {
  FaultDice a(42, "lose"), b(42, "lock"), a_again(42, "lose");
  CHECK(a.next() == a_again.next());
  CHECK(a.next() != b.next());
}
