#include <catch2/catch.hpp>

#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

namespace {

std::string journal(const char* debit, const char* credit, const char* account = "Merchant Account Fees") {
  return std::string("<JournalEntryAddRq><JournalEntryAdd><TxnDate>2024-05-31</TxnDate><RefNumber>JE-1</RefNumber>"
                     "<JournalDebitLine><AccountRef><FullName>") + account + "</FullName></AccountRef><Amount>" + debit +
         "</Amount><Memo>Fees</Memo></JournalDebitLine><JournalCreditLine><AccountRef><FullName>Undeposited Funds"
         "</FullName></AccountRef><Amount>" + credit + "</Amount></JournalCreditLine></JournalEntryAdd></JournalEntryAddRq>";
}

}  // namespace

TEST_CASE("JournalEntryAdd records a balanced entry") {
  Fixture f;
  Response r(f.process(journal("12.30", "12.30")));
  CHECK(r.status() == 0);
  CHECK(r.count_named("JournalDebitLine") == 1);
  CHECK(r.count_named("JournalCreditLine") == 1);
  CHECK(f.company.journal_entries.size() == 1);
}

TEST_CASE("JournalEntryAdd whose debits and credits differ is an error and adds nothing") {
  Fixture f;
  Response r(f.process(journal("12.30", "12.00")));
  CHECK(r.status() == 3180);
  CHECK(r.message().find("not in balance") != std::string::npos);
  CHECK(f.company.journal_entries.empty());
}

TEST_CASE("JournalEntryQuery by RefNumber returns the entry with its lines and ExternalGUID") {
  Fixture f;
  const std::string guid = "{6F1D2C8E-4B3A-5F0D-9A57-2E61C38410B9}";
  std::string add = journal("12.30", "12.30");
  add.replace(add.find("</RefNumber>") + 12, 0, "<ExternalGUID>" + guid + "</ExternalGUID>");
  REQUIRE(Response(f.process(add)).status() == 0);
  Response r(f.process("<JournalEntryQueryRq><RefNumber>JE-1</RefNumber></JournalEntryQueryRq>"));
  CHECK(r.status() == 0);
  CHECK(r.count_named("JournalEntryRet") == 1);
  CHECK(r.find("ExternalGUID") == guid);
  CHECK(r.count_named("JournalDebitLine") == 1);
  CHECK(Response(f.process("<JournalEntryQueryRq><RefNumber>JE-2</RefNumber></JournalEntryQueryRq>")).status() == 1);
}

TEST_CASE("JournalEntryAdd with an unknown account is error 3140") {
  Fixture f;
  Response r(f.process(journal("1.00", "1.00", "Nope")));
  CHECK(r.status() == 3140);
  CHECK(r.message().find("QuickBooks Account \"Nope\"") != std::string::npos);
}

TEST_CASE("TxnVoid zeroes an invoice but keeps the record and returns its inventory") {
  Fixture f;
  const std::string txn = f.company.invoices[0].txn_id;
  Response r(f.process("<TxnVoidRq><TxnVoidType>Invoice</TxnVoidType><TxnID>" + txn + "</TxnID></TxnVoidRq>"));
  CHECK(r.status() == 0);
  CHECK(r.find("TxnID") == txn);
  const Invoice& invoice = *f.company.find_invoice(txn);
  CHECK(invoice.voided);
  CHECK(invoice.subtotal().is_zero());
  CHECK(invoice.memo.starts_with("VOID:"));
  CHECK(f.company.find_item({"", "WIDGET-01"})->quantity_on_hand == ml::core::Decimal::from_string("120"));
  Response q(f.process("<InvoiceQueryRq><TxnID>" + txn + "</TxnID></InvoiceQueryRq>"));
  CHECK(q.find("Subtotal") == "0.00");
}

TEST_CASE("TxnVoid of an unknown transaction is error 3120") {
  Fixture f;
  CHECK(Response(f.process("<TxnVoidRq><TxnVoidType>Invoice</TxnVoidType><TxnID>AB-1</TxnID></TxnVoidRq>")).status() == 3120);
}
