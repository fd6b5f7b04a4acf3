#pragma once
// One function per request type; each writes its `...Rq` element.
#include <string_view>

#include "request_writer.hpp"

namespace ml::qbxml::detail {

void write_request(RequestWriter& w, std::string_view request_id, const CustomerQuery& q);
void write_request(RequestWriter& w, std::string_view request_id, const ItemQuery& q);
void write_request(RequestWriter& w, std::string_view request_id, const ItemInventoryQuery& q);
void write_request(RequestWriter& w, std::string_view request_id, const InvoiceQuery& q);
void write_request(RequestWriter& w, std::string_view request_id, const JournalEntryQuery& q);
void write_request(RequestWriter& w, std::string_view request_id, const InvoiceAdd& add);
void write_request(RequestWriter& w, std::string_view request_id, const InvoiceMod& mod);
void write_request(RequestWriter& w, std::string_view request_id, const JournalEntryAdd& entry);
void write_request(RequestWriter& w, std::string_view request_id, const TxnVoid& txn_void);

// "InvoiceAddRq[ord-7]": how a request is named in BuildError paths.
std::string request_label(std::string_view tag, std::string_view request_id);

}  // namespace ml::qbxml::detail
