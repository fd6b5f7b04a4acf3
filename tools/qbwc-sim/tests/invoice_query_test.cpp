#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

TEST_CASE("InvoiceQuery by TxnID returns the invoice without lines unless asked") {
  Fixture f;
  const std::string txn = f.company.invoices[0].txn_id;
  Response plain(f.process("<InvoiceQueryRq><TxnID>" + txn + "</TxnID></InvoiceQueryRq>"));
  CHECK(plain.find("TxnID") == txn);
  CHECK(plain.count_named("InvoiceLineRet") == 0);
  Response lines(f.process("<InvoiceQueryRq><TxnID>" + txn + "</TxnID><IncludeLineItems>true</IncludeLineItems></InvoiceQueryRq>"));
  CHECK(lines.count_named("InvoiceLineRet") == 2);
}

TEST_CASE("InvoiceQuery with an unknown TxnID is error 3120") {
  Fixture f;
  CHECK(Response(f.process("<InvoiceQueryRq><TxnID>FF-1</TxnID></InvoiceQueryRq>")).status() == 3120);
}

TEST_CASE("InvoiceQuery by RefNumber finds every invoice with that number") {
  Fixture f;
  f.process(invoice_add("1002"));
  CHECK(Response(f.process("<InvoiceQueryRq><RefNumber>1002</RefNumber></InvoiceQueryRq>")).count_named("InvoiceRet") == 2);
}

TEST_CASE("ModifiedDateRangeFilter selects invoices by TimeModified") {
  Fixture f;
  f.process(invoice_add());
  Response r(f.process("<InvoiceQueryRq><ModifiedDateRangeFilter><FromModifiedDate>2024-01-03T00:00:00-05:00"
                       "</FromModifiedDate></ModifiedDateRangeFilter></InvoiceQueryRq>"));
  CHECK(r.count_named("InvoiceRet") == 1);
  CHECK(r.find("RefNumber") == "SS-1001");
}

TEST_CASE("EntityFilter and RefNumberFilter narrow the invoices") {
  Fixture f;
  f.process(invoice_add("SS-2000"));
  Response by_customer(f.process("<InvoiceQueryRq><EntityFilter><FullName>Acme Corp</FullName></EntityFilter></InvoiceQueryRq>"));
  CHECK(by_customer.count_named("InvoiceRet") == 1);
  Response by_ref(f.process("<InvoiceQueryRq><RefNumberFilter><MatchCriterion>StartsWith</MatchCriterion>"
                            "<RefNumber>SS-</RefNumber></RefNumberFilter></InvoiceQueryRq>"));
  CHECK(by_ref.count_named("InvoiceRet") == 1);
  CHECK(by_ref.find("RefNumber") == "SS-2000");
}

TEST_CASE("TxnDateRangeFilter selects invoices by their date") {
  Fixture f;
  f.process(invoice_add());
  Response r(f.process("<InvoiceQueryRq><TxnDateRangeFilter><FromTxnDate>2024-05-01</FromTxnDate>"
                       "<ToTxnDate>2024-05-31</ToTxnDate></TxnDateRangeFilter></InvoiceQueryRq>"));
  CHECK(r.count_named("InvoiceRet") == 1);
}

TEST_CASE("PaidStatus NotPaidOnly leaves out voided invoices") {
  Fixture f;
  const std::string txn = f.company.invoices[0].txn_id;
  f.process("<TxnVoidRq><TxnVoidType>Invoice</TxnVoidType><TxnID>" + txn + "</TxnID></TxnVoidRq>");
  Response r(f.process("<InvoiceQueryRq><PaidStatus>NotPaidOnly</PaidStatus></InvoiceQueryRq>"));
  CHECK(r.count_named("InvoiceRet") == 1);
  CHECK(r.find("RefNumber") == "1002");
}

TEST_CASE("an InvoiceQuery iterator pages through invoices") {
  Fixture f;
  for (int i = 0; i < 3; ++i) f.process(invoice_add("N" + std::to_string(i)));
  Response first(f.process("<InvoiceQueryRq iterator=\"Start\"><MaxReturned>2</MaxReturned></InvoiceQueryRq>"));
  CHECK(first.rs().IntAttribute("iteratorRemainingCount") == 3);
  Response next(f.process(std::string("<InvoiceQueryRq iterator=\"Continue\" iteratorID=\"") +
                          first.rs().Attribute("iteratorID") + "\"><MaxReturned>2</MaxReturned></InvoiceQueryRq>"));
  CHECK(next.count_named("InvoiceRet") == 2);
  CHECK(next.rs().IntAttribute("iteratorRemainingCount") == 1);
}
