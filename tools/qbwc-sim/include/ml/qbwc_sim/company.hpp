#pragma once
/// The in-memory QuickBooks Desktop company file: lists (accounts, customers, items) and
/// transactions (invoices, journal entries), with QuickBooks-shaped identifiers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/core/decimal.hpp"

namespace ml::qbwc_sim {

/// A reference to a list object: ListID and/or FullName (ListID wins when both are set).
struct Ref {
  std::string list_id;
  std::string full_name;
  bool empty() const { return list_id.empty() && full_name.empty(); }
};

struct Address {
  std::string addr1, addr2, addr3, city, state, postal_code, country;
  bool empty() const;
};

/// Creation/modification bookkeeping every QuickBooks object carries.
struct Stamp {
  core::TimePoint created{};
  core::TimePoint modified{};
  std::string edit_sequence;  ///< Numeric string; changes on every modification.
};

struct Account {
  std::string list_id;
  Stamp stamp;
  std::string name;
  std::string type;  ///< qbXML AccountType, e.g. "AccountsReceivable", "Income".
};

struct Customer {
  std::string list_id;
  Stamp stamp;
  std::string name;
  bool active = true;
  std::string company_name, first_name, last_name, phone, email;
  Address bill_address, ship_address;
  core::Decimal balance;  ///< Sum of open invoice balances.
};

enum class ItemKind { inventory, non_inventory, service, other_charge, discount, sales_tax };
std::string_view to_string(ItemKind kind);
std::optional<ItemKind> parse_item_kind(std::string_view text);

struct Item {
  std::string list_id;
  Stamp stamp;
  ItemKind kind = ItemKind::service;
  std::string name;
  bool active = true;
  std::string description;
  core::Decimal price;            ///< Sales price; discount amount or percent; tax rate percent.
  bool price_is_percent = false;  ///< Discount and other-charge items may be a percentage.
  std::string account;            ///< Income (or discount) account name.
  std::string manufacturer_part_number;
  core::Decimal purchase_cost;
  core::Decimal quantity_on_hand, average_cost, quantity_on_order, quantity_on_sales_order;
};

struct InvoiceLine {
  std::string txn_line_id;
  Ref item;
  std::string description;
  std::optional<core::Decimal> quantity, rate, rate_percent;
  core::Decimal amount;
};

struct Invoice {
  std::string txn_id;
  Stamp stamp;
  int txn_number = 0;
  Ref customer;
  std::string txn_date, ref_number;
  Address bill_address, ship_address;
  bool is_pending = false;
  std::string po_number, due_date, fob, ship_date, memo, other, external_guid;
  bool to_be_printed = false;
  std::vector<InvoiceLine> lines;
  bool voided = false;

  core::Decimal subtotal() const;
};

struct JournalLine {
  std::string txn_line_id;
  bool debit = true;
  Ref account;
  core::Decimal amount;
  std::string memo;
  Ref entity;
};

struct JournalEntry {
  std::string txn_id;
  Stamp stamp;
  int txn_number = 0;
  std::string txn_date, ref_number;
  bool is_adjustment = false;
  std::string external_guid;
  std::vector<JournalLine> lines;
  bool voided = false;
};

/// What error recovery needs from the last message set sent with newMessageSetID.
struct SavedMessageSet {
  std::string id;
  std::string responses;  ///< The QBXMLMsgsRs children as XML text.
};

struct CompanyInfo {
  std::string name = "Sample Company";
  std::string file_path = R"(C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Sample.QBW)";
  std::string owner_id = "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}";
  std::string file_id = "{C2A8D7E5-2D47-4C5B-9D2E-6A9A1F0E7B31}";
  int utc_offset_minutes = -300;  ///< QuickBooks reports local time with this offset (no DST).
};

class Company {
 public:
  CompanyInfo info;
  std::vector<Account> accounts;
  std::vector<Customer> customers;
  std::vector<Item> items;
  std::vector<Invoice> invoices;
  std::vector<JournalEntry> journal_entries;
  std::optional<SavedMessageSet> saved_message_set;

  /// Counters behind the identifiers (persisted so ids never repeat).
  std::uint32_t next_list_serial = 0x80000001;
  std::uint32_t next_txn_serial = 0x10;
  int next_txn_number = 1;
  std::int64_t last_edit_sequence = 0;

  Account* find_account(const Ref& ref);
  Customer* find_customer(const Ref& ref);
  Item* find_item(const Ref& ref);
  Invoice* find_invoice(std::string_view txn_id);
  JournalEntry* find_journal_entry(std::string_view txn_id);

  /// "80000012-1714557600": a list serial and the creation time.
  std::string new_list_id(core::TimePoint now);
  /// "1A2B-1714557600": transaction and transaction-line ids share one serial, like QuickBooks.
  std::string new_txn_id(core::TimePoint now);
  /// A fresh stamp for a new object.
  Stamp new_stamp(core::TimePoint now);
  /// Records a modification: new TimeModified and a new, larger EditSequence.
  void touch(Stamp& stamp, core::TimePoint now);
  /// The next automatic invoice number (one more than the largest numeric RefNumber).
  std::string next_invoice_ref_number() const;
};

Ref ref_of(const Account& account);
Ref ref_of(const Customer& customer);
Ref ref_of(const Item& item);

}  // namespace ml::qbwc_sim
