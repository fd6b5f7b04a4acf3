#include "ml/qbxml_writer/journal_content.hpp"

#include "ml/qbxml_writer/invoice_content.hpp"
#include "ml/qbxml/posting_identity.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"

namespace ml::qbxml_writer {
namespace {

std::string trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return std::string(text.substr(begin, text.find_last_not_of(" \t") + 1 - begin));
}

bool is_journal(const Posting& posting) { return posting.request.txn_kind == messages::TxnKind::journal_entry; }

template <class Txn>
TxnRecord record_of(const Txn& txn) {
  return {txn.txn_id, txn.edit_sequence, txn.ref_number, txn.time_modified};
}

qbxml::JournalLine journal_line(qbxml::JournalLine::Side side, std::string account, core::Decimal amount,
                                std::string memo) {
  qbxml::JournalLine line;
  line.side = side;
  line.account.full_name = std::move(account);
  line.amount = amount;
  line.memo = std::move(memo);
  return line;
}

}  // namespace

std::expected<std::map<std::string, std::string>, std::string> parse_item_accounts(std::string_view text) {
  std::map<std::string, std::string> accounts;
  while (!text.empty()) {
    const auto end = text.find(';');
    const auto entry = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (trimmed(entry).empty()) continue;
    const auto equals = entry.find('=');
    auto item = trimmed(entry.substr(0, equals));
    auto account = equals == std::string_view::npos ? std::string() : trimmed(entry.substr(equals + 1));
    if (item.empty() || account.empty())
      return std::unexpected("'" + std::string(entry) + "' is not of the form item=account");
    accounts[std::move(item)] = std::move(account);
  }
  return accounts;
}

std::expected<qbxml::JournalEntryAdd, std::string> journal_entry_add(const Posting& posting,
                                                                   const JournalAccounts& accounts) {
  const auto& tx = *posting.request.transaction;
  qbxml::JournalEntryAdd entry;
  entry.txn_date = tx.txn_date;
  entry.ref_number = posting.ref_number;
  entry.external_guid = posting.external_guid;
  core::Decimal total;
  std::vector<qbxml::JournalLine> item_lines;
  for (const auto& line : tx.lines) {
    total += line.amount;
    if (line.amount.is_zero()) continue;
    const auto mapped = accounts.by_item.find(line.item_full_name);
    const auto& account = mapped == accounts.by_item.end() ? accounts.income : mapped->second;
    const bool negative = line.amount.is_negative();
    item_lines.push_back(journal_line(negative ? qbxml::JournalLine::Side::debit : qbxml::JournalLine::Side::credit,
                                      account, negative ? -line.amount : line.amount, line.item_full_name));
  }
  if (total.is_negative())
    return std::unexpected("the lines of posting " + posting.request.posting_key + " total " + total.to_string() +
                           ": a journal entry debits A/R with a total that is not negative");
  auto receivable = journal_line(qbxml::JournalLine::Side::debit, accounts.receivable, total, "");
  receivable.entity.full_name = tx.customer_full_name;
  entry.lines.push_back(std::move(receivable));
  for (auto& line : item_lines) entry.lines.push_back(std::move(line));
  return entry;
}

bool is_posting_journal_entry(const Posting& posting, const qbxml::JournalEntry& entry) {
  if (!posting.txn_id.empty()) return entry.txn_id == posting.txn_id;
  return !entry.external_guid.empty() && qbxml::normalized_guid(entry.external_guid) == qbxml::normalized_guid(posting.external_guid);
}

qbxml::Request lookup_request(const Posting& posting) {
  const auto query = invoice_lookup(posting);
  if (is_journal(posting)) return qbxml::JournalEntryQuery{query};
  return query;
}

std::expected<qbxml::Request, std::string> write_request(const Posting& posting, PostingStep step,
                                                         const JournalAccounts& accounts) {
  if (step == PostingStep::void_txn)
    return qbxml::TxnVoid{is_journal(posting) ? qbxml::TxnVoidType::journal_entry : qbxml::TxnVoidType::invoice,
                          posting.txn_id};
  if (!is_journal(posting)) {
    if (step == PostingStep::modify) return invoice_mod(posting);
    return invoice_add(posting);
  }
  if (step == PostingStep::modify)
    return std::unexpected("journal entry " + posting.txn_id +
                           " cannot be updated: libs/qbxml has no JournalEntryMod; void it and post again");
  return journal_entry_add(posting, accounts);
}

std::optional<TxnRecord> find_posting_record(const Posting& posting, const qbxml::Response& response) {
  if (is_journal(posting)) {
    std::optional<TxnRecord> found;
    for (const auto& entry : response.journal_entries)
      if (is_posting_journal_entry(posting, entry)) found = record_of(entry);
    return found;
  }
  std::optional<TxnRecord> found;  // the last one, should QuickBooks hold several
  for (const auto& invoice : response.invoices)
    if (is_posting_invoice(posting, invoice)) found = record_of(invoice);
  return found;
}

std::optional<TxnRecord> written_record(const Posting& posting, const qbxml::Response& response) {
  if (is_journal(posting))
    return response.journal_entries.empty() ? std::nullopt : std::optional(record_of(response.journal_entries.front()));
  return response.invoices.empty() ? std::nullopt : std::optional(record_of(response.invoices.front()));
}

}  // namespace ml::qbxml_writer
