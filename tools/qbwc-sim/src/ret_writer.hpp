#pragma once
// Writes QuickBooks "…Ret" elements in the XSD's element order.
#include <tinyxml2.h>

#include "handlers.hpp"
#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim {

void write_customer_ret(tinyxml2::XMLElement& parent, Company& company, const Customer& customer);
/// ItemServiceRet, ItemInventoryRet, … according to the item's kind.
void write_item_ret(tinyxml2::XMLElement& parent, Company& company, const Item& item);
void write_invoice_ret(tinyxml2::XMLElement& parent, Company& company, const Invoice& invoice, bool with_lines);
void write_journal_entry_ret(tinyxml2::XMLElement& parent, Company& company, const JournalEntry& entry);

/// Keeps only the Ret's children named in IncludeRetElement (all when the set is empty).
void keep_included_elements(tinyxml2::XMLElement& ret, const RetOptions& options);

}  // namespace ml::qbwc_sim
