#pragma once
/// qbXML requests we send to QuickBooks Desktop. Every text field is checked against QuickBooks
/// Desktop's length limit before anything is built (docs/qbxml.md, "Field lengths"); an empty
/// string or an unset optional means "leave the element out".
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/qbxml/datetime.hpp"

namespace ml::qbxml {

/// A reference to a list object by ListID and/or FullName ("Parent:Child" for sub-items).
struct Ref {
  std::string list_id;
  std::string full_name;
  bool empty() const { return list_id.empty() && full_name.empty(); }
};

/// A postal address (BillAddress / ShipAddress).
struct Address {
  std::string addr1{}, addr2{}, addr3{}, addr4{}, addr5{};
  std::string city{}, state{}, postal_code{}, country{}, note{};
};

enum class ActiveStatus { active_only, inactive_only, all };
enum class MatchCriterion { starts_with, contains, ends_with };

/// Iterator state of a query: none, or Start (with MaxReturned), Continue or Stop an iteratorID.
struct Iteration {
  enum class Mode { none, start, continue_, stop };
  Mode mode = Mode::none;
  std::string iterator_id;  ///< from the previous page's response; Continue and Stop only

  static Iteration start() { return {Mode::start, {}}; }
  static Iteration next(std::string id) { return {Mode::continue_, std::move(id)}; }
  static Iteration stop(std::string id) { return {Mode::stop, std::move(id)}; }
};

/// The filters shared by CustomerQuery, ItemQuery and ItemInventoryQuery. list_ids, full_names
/// and the remaining filters are mutually exclusive (qbXML OR-group). On Continue/Stop only
/// max_returned, include_ret_elements and owner_ids are sent: the iterator keeps the filters.
struct ListQuery {
  std::vector<std::string> list_ids;
  std::vector<std::string> full_names;
  std::optional<int> max_returned;
  std::optional<ActiveStatus> active_status;
  std::optional<LocalDateTime> from_modified;  ///< see from_modified_after()
  std::optional<LocalDateTime> to_modified;
  std::optional<MatchCriterion> name_match;
  std::string name;  ///< NameFilter text, with name_match
  std::vector<std::string> include_ret_elements;
  std::vector<std::string> owner_ids;  ///< "0" returns public custom fields (DataExtRet)
  Iteration iteration;
};

struct CustomerQuery : ListQuery {};
struct ItemQuery : ListQuery {};
struct ItemInventoryQuery : ListQuery {};

/// InvoiceQueryRq: by TxnID, by RefNumber, or by filters (modified-date range, RefNumber match).
struct InvoiceQuery {
  std::vector<std::string> txn_ids;
  std::vector<std::string> ref_numbers;
  std::optional<int> max_returned;
  std::optional<LocalDateTime> from_modified;  ///< ModifiedDateRangeFilter
  std::optional<LocalDateTime> to_modified;
  std::optional<MatchCriterion> ref_number_match;  ///< RefNumberFilter, with ref_number_filter
  std::string ref_number_filter;
  bool include_line_items = false;
  std::vector<std::string> include_ret_elements;
  std::vector<std::string> owner_ids;
  Iteration iteration;
};

/// One invoice line. Money is exact: Amount must be whole cents, Rate and Quantity at most
/// 5 decimals (an error otherwise, never silent rounding); Desc is truncated to 4095 characters.
struct InvoiceLine {
  std::string txn_line_id;  ///< InvoiceMod only: the line's TxnLineID, or kNewLine
  Ref item;
  std::string desc;
  std::optional<core::Decimal> quantity;
  std::optional<core::Decimal> rate;
  std::optional<core::Decimal> amount;
  Ref sales_tax_code;
};

/// TxnLineID that makes InvoiceMod add a line.
inline constexpr const char* kNewLine = "-1";

/// Header fields common to InvoiceAdd and InvoiceMod.
struct InvoiceHeader {
  Ref customer;
  Ref template_ref;
  std::optional<std::chrono::year_month_day> txn_date;
  std::string ref_number;  ///< ≤ 11 characters; RefNumber is not unique in QuickBooks
  std::optional<Address> bill_address;
  std::optional<Address> ship_address;
  std::string po_number;  ///< ≤ 25
  std::optional<std::chrono::year_month_day> ship_date;
  std::string memo;  ///< truncated to 4095
  std::optional<bool> is_to_be_printed;
  std::string other;  ///< ≤ 29
};

struct InvoiceAdd : InvoiceHeader {
  std::string external_guid;  ///< "{8-4-4-4-12 hex}" (braces added if missing); idempotency marker
  std::vector<InvoiceLine> lines;
};

/// InvoiceModRq. An empty `lines` leaves the lines alone; otherwise QuickBooks deletes every line
/// not listed, so list all lines to keep (existing TxnLineID) plus new ones (kNewLine).
struct InvoiceMod : InvoiceHeader {
  std::string txn_id;
  std::string edit_sequence;  ///< from a query in the same session
  std::vector<InvoiceLine> lines;
};

struct JournalLine {
  enum class Side { debit, credit };
  Side side = Side::debit;
  Ref account;
  core::Decimal amount;  ///< whole cents
  std::string memo;      ///< truncated to 4095
  Ref entity;
  Ref class_ref;
};

/// JournalEntryAddRq. Debits must equal credits. (The header Memo is not in QBD, so not offered.)
struct JournalEntryAdd {
  std::optional<std::chrono::year_month_day> txn_date;
  std::string ref_number;
  std::string external_guid;
  std::vector<JournalLine> lines;
};

/// JournalEntryQueryRq: qbXML's TxnQuery selection, the same fields (and order) as InvoiceQuery's.
struct JournalEntryQuery : InvoiceQuery {};

enum class TxnVoidType { invoice, journal_entry, sales_receipt, credit_memo };

/// TxnVoidRq: the transaction stays, its amounts become zero.
struct TxnVoid {
  TxnVoidType type = TxnVoidType::invoice;
  std::string txn_id;
};

}  // namespace ml::qbxml
