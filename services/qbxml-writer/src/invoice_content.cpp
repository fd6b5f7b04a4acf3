#include "ml/qbxml_writer/invoice_content.hpp"

#include "ml/qbxml/posting_identity.hpp"

namespace ml::qbxml_writer {
namespace {

struct KeyPlacement {
  std::string po_number, memo;
};

KeyPlacement key_placement(const Posting& posting) {
  const auto& tx = *posting.request.transaction;
  if (tx.po_number || tx.memo) return {tx.po_number.value_or(""), tx.memo.value_or("")};
  const auto& key = posting.request.posting_key;
  if (key == posting.ref_number) return {};
  if (key.size() <= qbxml::kPoNumberLength) return {key, ""};
  return {"", key};
}

void fill_header(qbxml::InvoiceHeader& header, const Posting& posting) {
  const auto& tx = *posting.request.transaction;
  header.customer.full_name = tx.customer_full_name;
  header.txn_date = tx.txn_date;
  header.ref_number = posting.ref_number;
  auto placement = key_placement(posting);
  header.po_number = std::move(placement.po_number);
  header.memo = std::move(placement.memo);
}

std::vector<qbxml::InvoiceLine> lines_of(const Posting& posting, const std::string& txn_line_id) {
  std::vector<qbxml::InvoiceLine> lines;
  for (const auto& line : posting.request.transaction->lines) {
    qbxml::InvoiceLine out;
    out.txn_line_id = txn_line_id;
    out.item.full_name = line.item_full_name;
    out.desc = line.description.value_or("");
    out.quantity = line.quantity;
    out.rate = line.rate;
    out.amount = line.amount;
    lines.push_back(std::move(out));
  }
  return lines;
}

}  // namespace

qbxml::InvoiceAdd invoice_add(const Posting& posting) {
  qbxml::InvoiceAdd add;
  fill_header(add, posting);
  add.external_guid = posting.external_guid;
  add.lines = lines_of(posting, "");
  return add;
}

qbxml::InvoiceMod invoice_mod(const Posting& posting) {
  qbxml::InvoiceMod mod;
  fill_header(mod, posting);
  mod.txn_id = posting.txn_id;
  mod.edit_sequence = posting.edit_sequence;
  mod.lines = lines_of(posting, qbxml::kNewLine);
  return mod;
}

qbxml::InvoiceQuery invoice_lookup(const Posting& posting) {
  qbxml::InvoiceQuery query;
  if (!posting.txn_id.empty())
    query.txn_ids.push_back(posting.txn_id);
  else
    query.ref_numbers.push_back(posting.ref_number);
  return query;
}

bool is_posting_invoice(const Posting& posting, const qbxml::Invoice& invoice) {
  if (!posting.txn_id.empty()) return invoice.txn_id == posting.txn_id;
  if (!invoice.external_guid.empty() && qbxml::normalized_guid(invoice.external_guid) == qbxml::normalized_guid(posting.external_guid))
    return true;
  if (invoice.po_number.empty()) return false;
  const auto& tx = posting.request.transaction;
  return invoice.po_number == posting.request.posting_key || (tx && tx->po_number == invoice.po_number);
}

}  // namespace ml::qbxml_writer
