#pragma once
/// The qbXML requests that put a posting's transaction into QuickBooks as a journal entry, and
/// the choice between invoice and journal entry for the posting machine.
#include <expected>
#include <map>
#include <optional>
#include <string>

#include "ml/qbxml/message_set.hpp"
#include "ml/qbxml/responses.hpp"

namespace ml::qbxml_writer {

struct Posting;
enum class PostingStep : int;

/// Accounts of a journal entry (ML_QBXML_WRITER_JOURNAL_*).
struct JournalAccounts {
  std::string receivable = "Accounts Receivable";  ///< debited with the total, the customer as entity
  std::string income = "Sales";                     ///< credited for a line whose item has no mapping
  std::map<std::string, std::string> by_item;       ///< item FullName → account credited (shipping, tax, …)
};

/// Reads "item=account;item=account" (names trimmed; ';' and '=' cannot occur in them); an error
/// names the entry that is not of that form.
std::expected<std::map<std::string, std::string>, std::string> parse_item_accounts(std::string_view text);

/// JournalEntryAdd with the posting's RefNumber, TxnDate and ExternalGUID: A/R debited with the
/// total (customer as entity), each line credited to its item's account (a negative line is
/// debited instead), so debits equal credits exactly. An error when the total is negative.
std::expected<qbxml::JournalEntryAdd, std::string> journal_entry_add(const Posting& posting,
                                                                   const JournalAccounts& accounts);
/// Whether `entry` is the posting's own: same TxnID when known, else same ExternalGUID.
bool is_posting_journal_entry(const Posting& posting, const qbxml::JournalEntry& entry);

/// What the machine needs of the posted transaction, whatever its kind.
struct TxnRecord {
  std::string txn_id, edit_sequence, ref_number, time_modified;
};

/// The query that finds the posting's transaction (InvoiceQuery or JournalEntryQuery).
qbxml::Request lookup_request(const Posting& posting);
/// The write of `step` for the posting's kind; an error when the kind cannot do it (there is
/// no JournalEntryMod in libs/qbxml).
std::expected<qbxml::Request, std::string> write_request(const Posting& posting, PostingStep step,
                                                         const JournalAccounts& accounts);
/// The posting's own transaction among a query's answer, if any.
std::optional<TxnRecord> find_posting_record(const Posting& posting, const qbxml::Response& response);
/// The transaction a write answered with, if any.
std::optional<TxnRecord> written_record(const Posting& posting, const qbxml::Response& response);

}  // namespace ml::qbxml_writer
