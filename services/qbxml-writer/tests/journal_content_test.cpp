#include <catch2/catch.hpp>

#include "ml/qbxml_writer/journal_content.hpp"
#include "ml/qbxml/posting_identity.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"

using namespace ml::qbxml_writer;
using ml::core::Decimal;
namespace msg = ml::messages;

namespace {

msg::PostingLine line(std::string item, std::string amount) {
  return {std::move(item), std::nullopt, std::nullopt, std::nullopt, Decimal::from_string(amount)};
}

Posting journal_posting(std::vector<msg::PostingLine> lines) {
  Posting posting;
  posting.request.posting_key = "100234";
  posting.request.txn_kind = msg::TxnKind::journal_entry;
  msg::PostingTransaction tx;
  tx.txn_date = std::chrono::year{2026} / std::chrono::November / 20;
  tx.customer_full_name = "Jane Doe";
  tx.lines = std::move(lines);
  posting.request.transaction = tx;
  posting.ref_number = ml::qbxml::ref_number_for("100234");
  posting.external_guid = ml::qbxml::external_guid_for("100234");
  return posting;
}

Decimal side_total(const ml::qbxml::JournalEntryAdd& entry, ml::qbxml::JournalLine::Side side) {
  Decimal total;
  for (const auto& l : entry.lines)
    if (l.side == side) total += l.amount;
  return total;
}

}  // namespace

TEST_CASE("a journal entry debits A/R with the total and credits each line to its item's account") {
  JournalAccounts accounts;
  accounts.by_item = {{"Shipping", "Shipping Income"}, {"CA Sales Tax", "Sales Tax Payable"}};
  const auto entry = journal_entry_add(
      journal_posting({line("WIDGET-01", "39.98"), line("Shipping", "5.00"), line("CA Sales Tax", "2.90")}), accounts);
  REQUIRE(entry);
  REQUIRE(entry->lines.size() == 4);
  CHECK(entry->lines[0].account.full_name == "Accounts Receivable");
  CHECK(entry->lines[0].entity.full_name == "Jane Doe");
  CHECK(entry->lines[0].amount == Decimal::from_string("47.88"));
  CHECK(entry->lines[1].account.full_name == "Sales");
  CHECK(entry->lines[2].account.full_name == "Shipping Income");
  CHECK(entry->lines[3].account.full_name == "Sales Tax Payable");
  CHECK(side_total(*entry, ml::qbxml::JournalLine::Side::debit) ==
        side_total(*entry, ml::qbxml::JournalLine::Side::credit));
  CHECK(entry->ref_number == "100234");
  CHECK(entry->external_guid == ml::qbxml::external_guid_for("100234"));
}

TEST_CASE("a discount line of a journal entry is debited to its account, keeping the entry balanced") {
  JournalAccounts accounts;
  accounts.by_item = {{"Discount", "Discounts Given"}};
  const auto entry = journal_entry_add(journal_posting({line("WIDGET-01", "40.00"), line("Discount", "-4.00")}), accounts);
  REQUIRE(entry);
  REQUIRE(entry->lines.size() == 3);
  CHECK(entry->lines[0].amount == Decimal::from_string("36.00"));
  CHECK(entry->lines[2].side == ml::qbxml::JournalLine::Side::debit);
  CHECK(entry->lines[2].amount == Decimal::from_string("4.00"));
  CHECK(side_total(*entry, ml::qbxml::JournalLine::Side::debit) ==
        side_total(*entry, ml::qbxml::JournalLine::Side::credit));
}

TEST_CASE("a journal entry whose lines total less than zero is refused with the posting key") {
  const auto entry = journal_entry_add(journal_posting({line("Discount", "-4.00")}), {});
  REQUIRE_FALSE(entry);
  CHECK(entry.error().find("100234") != std::string::npos);
}

TEST_CASE("item accounts are read from item=account pairs separated by semicolons") {
  const auto accounts = parse_item_accounts(" Shipping = Shipping Income ;CA Sales Tax=Sales Tax Payable;");
  REQUIRE(accounts);
  CHECK(accounts->at("Shipping") == "Shipping Income");
  CHECK(accounts->at("CA Sales Tax") == "Sales Tax Payable");
  const auto bad = parse_item_accounts("Shipping");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "'Shipping' is not of the form item=account");
}

TEST_CASE("a journal entry posting is looked up with JournalEntryQuery and cannot be modified") {
  const auto posting = journal_posting({line("WIDGET-01", "1.00")});
  CHECK(std::holds_alternative<ml::qbxml::JournalEntryQuery>(lookup_request(posting)));
  const auto mod = write_request(posting, PostingStep::modify, {});
  REQUIRE_FALSE(mod);
  CHECK(mod.error().find("JournalEntryMod") != std::string::npos);
  const auto void_request = write_request(posting, PostingStep::void_txn, {});
  REQUIRE(void_request);
  CHECK(std::get<ml::qbxml::TxnVoid>(*void_request).type == ml::qbxml::TxnVoidType::journal_entry);
}
