#pragma once
/// qbXML responses from QuickBooks Desktop, parsed into typed records. Text comes back as UTF-8;
/// TimeCreated/TimeModified are kept verbatim (QuickBooks' offsets are unreliable around DST).
#include <chrono>
#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/qbxml/requests.hpp"
#include "ml/qbxml/status.hpp"

namespace ml::qbxml {

struct Customer {
  std::string list_id, time_created, time_modified, edit_sequence;
  std::string name, full_name;
  bool is_active = true;
  std::optional<int> sublevel;
  std::string company_name, first_name, last_name, email, phone;
  std::optional<core::Decimal> balance, total_balance;
};

enum class ItemKind {
  inventory, non_inventory, service, other_charge, inventory_assembly, group, discount,
  sales_tax, sales_tax_group, payment, subtotal, fixed_asset,
};

/// Any Item*Ret. Fields an item kind does not have stay empty. `description`/`sales_price` come
/// from SalesDesc/SalesPrice, SalesOrPurchase/Desc+Price, SalesAndPurchase, or ItemDesc.
struct Item {
  ItemKind kind = ItemKind::inventory;
  std::string list_id, time_created, time_modified, edit_sequence;
  std::string name, full_name;  ///< full_name = name for kinds without FullName (groups)
  bool is_active = true;
  std::string description;
  std::optional<core::Decimal> sales_price;
  std::optional<core::Decimal> quantity_on_hand;  ///< may be negative
  std::optional<core::Decimal> average_cost;
  std::optional<core::Decimal> quantity_on_order;
  std::optional<core::Decimal> quantity_on_sales_order;
};

struct InvoiceLineRet {
  std::string txn_line_id;
  Ref item;
  std::string desc;
  std::optional<core::Decimal> quantity, rate, amount;
};

struct Invoice {
  std::string txn_id, time_created, time_modified, edit_sequence;
  std::optional<long long> txn_number;
  Ref customer;
  std::optional<std::chrono::year_month_day> txn_date;
  std::string ref_number, po_number, memo, other, external_guid;
  std::optional<core::Decimal> subtotal, sales_tax_total, balance_remaining;
  std::optional<bool> is_paid;
  std::vector<InvoiceLineRet> lines;  ///< top-level InvoiceLineRet only (group lines are skipped)
};

struct JournalLineRet {
  JournalLine::Side side = JournalLine::Side::debit;
  std::string txn_line_id;
  Ref account;
  std::optional<core::Decimal> amount;
  std::string memo;
  Ref entity;
};

struct JournalEntry {
  std::string txn_id, time_created, time_modified, edit_sequence;
  std::optional<long long> txn_number;
  std::optional<std::chrono::year_month_day> txn_date;
  std::string ref_number;
  std::string external_guid;
  std::vector<JournalLineRet> lines;
};

/// The body of a TxnVoidRs.
struct VoidedTxn {
  std::string txn_void_type;
  std::string txn_id;
  std::string time_modified;
  std::string ref_number;
};

/// One `...Rs` element. Records of kinds we do not model (e.g. SalesOrderRet) are skipped.
struct Response {
  std::string kind;        ///< element name, e.g. "ItemQueryRs"
  std::string request_id;  ///< empty when the request had none
  Status status;
  std::optional<int> ret_count;
  std::string iterator_id;
  std::optional<int> iterator_remaining_count;
  int line = 0;  ///< where the element starts in the text
  std::vector<Customer> customers;
  std::vector<Item> items;
  std::vector<Invoice> invoices;
  std::vector<JournalEntry> journal_entries;
  std::optional<VoidedTxn> voided;

  Verdict verdict() const { return classify(status); }
};

/// QBXMLMsgsRs: the responses in the order QuickBooks answered (= the order of the requests).
struct ResponseSet {
  std::vector<Response> responses;
  std::string new_message_set_id;                ///< echoed by error recovery
  std::optional<int> message_set_status_code;    ///< set when answering oldMessageSetID

  /// The response carrying `request_id`, or nullptr.
  const Response* find(std::string_view request_id) const;
};

/// What is wrong and where: "QBXML/QBXMLMsgsRs/ItemQueryRs[1]/ItemInventoryRet[3]/QuantityOnHand".
struct ParseError {
  std::string message;
  int line = 0;
  std::string path;
  std::string to_string() const;
};

/// Limits that protect the parser: documents nested deeper are rejected. DTDs (<!DOCTYPE>) are
/// refused and no entity but the five predefined ones and numeric references is ever expanded.
inline constexpr int kMaxElementDepth = 32;

/// Parses a QBXML document holding a QBXMLMsgsRs (the `response` QBWC hands to receiveResponseXML).
std::expected<ResponseSet, ParseError> parse_response_set(std::string_view text);

}  // namespace ml::qbxml
