#include "request_builders.hpp"

namespace ml::qbxml::detail {
namespace {

const char* to_string(TxnVoidType type) {
  switch (type) {
    case TxnVoidType::invoice: return "Invoice";
    case TxnVoidType::journal_entry: return "JournalEntry";
    case TxnVoidType::sales_receipt: return "SalesReceipt";
    case TxnVoidType::credit_memo: return "CreditMemo";
  }
  return "";
}

void require(RequestWriter& w, bool present, const std::string& field, std::string_view what) {
  if (!present) w.fail(field, std::string(what) + " is required");
}

// The header elements InvoiceAdd and InvoiceMod share; both schemas order them the same way.
void write_header(RequestWriter& w, const InvoiceHeader& h) {
  w.ref("CustomerRef", h.customer, kCustomerName);
  w.ref("TemplateRef", h.template_ref, kTemplateName);
  w.date("TxnDate", h.txn_date);
  w.text("RefNumber", h.ref_number, kRefNumber);
  w.address("BillAddress", h.bill_address);
  w.address("ShipAddress", h.ship_address);
  w.text("PONumber", h.po_number, TextLimit{25});
  w.date("ShipDate", h.ship_date);
  w.text("Memo", h.memo, kFreeText);
  w.boolean("IsToBePrinted", h.is_to_be_printed);
  w.text("Other", h.other, TextLimit{29});
}

void write_lines(RequestWriter& w, std::string_view tag, const std::string& parent,
                 const std::vector<InvoiceLine>& lines, bool mod) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const InvoiceLine& line = lines[i];
    std::string label = std::string(tag) + "[" + std::to_string(i + 1) + "]";
    if (mod)
      require(w, !line.txn_line_id.empty(), parent + "/" + label + "/TxnLineID", "TxnLineID (\"-1\" for a new line)");
    else if (!line.txn_line_id.empty())
      w.fail(parent + "/" + label + "/TxnLineID", "only InvoiceMod lines have a TxnLineID");
    w.open_labelled(tag, label);
    if (mod) w.id("TxnLineID", line.txn_line_id);
    w.ref("ItemRef", line.item, kItemName);
    w.text("Desc", line.desc, kFreeText);
    w.price("Quantity", line.quantity);
    w.price("Rate", line.rate);
    w.amount("Amount", line.amount);
    w.ref("SalesTaxCodeRef", line.sales_tax_code, kSalesTaxCodeName);
    w.close();
  }
}

}  // namespace

void write_request(RequestWriter& w, std::string_view request_id, const InvoiceAdd& add) {
  std::string label = request_label("InvoiceAddRq", request_id);
  w.open_labelled("InvoiceAddRq", label, {{"requestID", std::string(request_id)}});
  w.open("InvoiceAdd");
  require(w, !add.customer.empty(), label + "/InvoiceAdd/CustomerRef", "CustomerRef");
  write_header(w, add);
  w.guid("ExternalGUID", add.external_guid, false);
  write_lines(w, "InvoiceLineAdd", label + "/InvoiceAdd", add.lines, false);
  w.close();
  w.close();
}

void write_request(RequestWriter& w, std::string_view request_id, const InvoiceMod& mod) {
  std::string label = request_label("InvoiceModRq", request_id);
  w.open_labelled("InvoiceModRq", label, {{"requestID", std::string(request_id)}});
  w.open("InvoiceMod");
  require(w, !mod.txn_id.empty(), label + "/InvoiceMod/TxnID", "TxnID");
  require(w, !mod.edit_sequence.empty(), label + "/InvoiceMod/EditSequence", "EditSequence");
  w.id("TxnID", mod.txn_id);
  w.text("EditSequence", mod.edit_sequence, TextLimit{16});
  write_header(w, mod);
  write_lines(w, "InvoiceLineMod", label + "/InvoiceMod", mod.lines, true);
  w.close();
  w.close();
}

void write_request(RequestWriter& w, std::string_view request_id, const JournalEntryAdd& entry) {
  std::string label = request_label("JournalEntryAddRq", request_id);
  w.open_labelled("JournalEntryAddRq", label, {{"requestID", std::string(request_id)}});
  w.open("JournalEntryAdd");
  std::string where = label + "/JournalEntryAdd";
  require(w, !entry.lines.empty(), where + "/JournalDebitLine", "at least one line");
  core::Decimal debits, credits;
  for (const auto& line : entry.lines) (line.side == JournalLine::Side::debit ? debits : credits) += line.amount;
  if (debits != credits)
    w.fail(where, "debits " + debits.to_string() + " do not equal credits " + credits.to_string());
  w.date("TxnDate", entry.txn_date);
  w.text("RefNumber", entry.ref_number, kRefNumber);
  w.guid("ExternalGUID", entry.external_guid, false);
  for (std::size_t i = 0; i < entry.lines.size(); ++i) {
    const JournalLine& line = entry.lines[i];
    std::string tag = line.side == JournalLine::Side::debit ? "JournalDebitLine" : "JournalCreditLine";
    std::string line_label = tag + "[" + std::to_string(i + 1) + "]";  // numbered among all lines
    require(w, !line.account.empty(), where + "/" + line_label + "/AccountRef", "AccountRef");
    w.open_labelled(tag, line_label);
    w.ref("AccountRef", line.account, kAccountName);
    w.amount("Amount", line.amount);
    w.text("Memo", line.memo, kFreeText);
    w.ref("EntityRef", line.entity, kEntityName);
    w.ref("ClassRef", line.class_ref, kClassName);
    w.close();
  }
  w.close();
  w.close();
}

void write_request(RequestWriter& w, std::string_view request_id, const TxnVoid& txn_void) {
  std::string label = request_label("TxnVoidRq", request_id);
  w.open_labelled("TxnVoidRq", label, {{"requestID", std::string(request_id)}});
  require(w, !txn_void.txn_id.empty(), label + "/TxnID", "TxnID");
  w.raw("TxnVoidType", to_string(txn_void.type));
  w.id("TxnID", txn_void.txn_id);
  w.close();
}

}  // namespace ml::qbxml::detail
