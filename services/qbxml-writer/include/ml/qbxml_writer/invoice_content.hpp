#pragma once
/// The qbXML requests that put a posting's transaction into QuickBooks as an invoice.
#include "ml/qbxml/requests.hpp"
#include "ml/qbxml/responses.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"

namespace ml::qbxml_writer {

/// InvoiceAdd with the posting's RefNumber and ExternalGUID; the full key goes to PONumber (or
/// Memo when longer than 25) unless the request already says where it goes.
qbxml::InvoiceAdd invoice_add(const Posting& posting);
/// InvoiceMod of the posting's TxnID at its EditSequence, replacing every line.
qbxml::InvoiceMod invoice_mod(const Posting& posting);
/// The query that finds the posting's invoice: by TxnID when known, else by RefNumber.
qbxml::InvoiceQuery invoice_lookup(const Posting& posting);
/// Whether `invoice` is the posting's own: same TxnID, or same ExternalGUID, or same PONumber.
bool is_posting_invoice(const Posting& posting, const qbxml::Invoice& invoice);

}  // namespace ml::qbxml_writer
