// Parses a ~20 MB ItemQueryRs of realistic ItemInventoryRet records generated in memory and prints
// the parse time, throughput and peak memory. Figures only; nothing passes or fails on them.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "ml/qbxml/responses.hpp"

namespace {

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// One record shaped like the real flowlink capture (shared/qbwc-samples/qbxml/item_inventory_query_rs.flowlink.xml).
void append_item(std::string& out, int i) {
  char buf[1536];
  int n = std::snprintf(
      buf, sizeof buf,
      "<ItemInventoryRet>\n<ListID>8%07X-1415713663</ListID>\n<TimeCreated>2014-11-11T10:47:43-03:00</TimeCreated>\n"
      "<TimeModified>2014-11-%02dT10:47:43-03:00</TimeModified>\n<EditSequence>%d</EditSequence>\n"
      "<Name>SKU-%06d</Name>\n<FullName>Apparel:T-Shirts:SKU-%06d</FullName>\n<IsActive>true</IsActive>\n"
      "<ParentRef>\n<ListID>80000002-1415022649</ListID>\n<FullName>Apparel:T-Shirts</FullName>\n</ParentRef>\n"
      "<Sublevel>2</Sublevel>\n<SalesTaxCodeRef>\n<ListID>80000002-1414518221</ListID>\n<FullName>Non</FullName>\n"
      "</SalesTaxCodeRef>\n<SalesDesc>Awesome T-Shirt size %d &amp; colour %d</SalesDesc>\n<SalesPrice>%d.%02d</SalesPrice>\n"
      "<IncomeAccountRef>\n<ListID>8000001A-1415022649</ListID>\n<FullName>Sales:Merchandise</FullName>\n"
      "</IncomeAccountRef>\n<PurchaseDesc>T-Shirt blank</PurchaseDesc>\n<PurchaseCost>%d.%02d</PurchaseCost>\n"
      "<COGSAccountRef>\n<ListID>8000001B-1415022649</ListID>\n<FullName>Cost of Goods Sold</FullName>\n"
      "</COGSAccountRef>\n<AssetAccountRef>\n<ListID>8000001C-1415022649</ListID>\n<FullName>Inventory Asset</FullName>\n"
      "</AssetAccountRef>\n<ReorderPoint>10</ReorderPoint>\n<QuantityOnHand>%d</QuantityOnHand>\n"
      "<AverageCost>%d.%03d</AverageCost>\n<QuantityOnOrder>%d</QuantityOnOrder>\n"
      "<QuantityOnSalesOrder>%d</QuantityOnSalesOrder>\n</ItemInventoryRet>\n",
      i, 1 + i % 28, 1415713663 + i, i, i, i % 7, i % 11, 10 + i % 90, i % 100, 2 + i % 20, i % 100,
      (i % 13 == 0 ? -1 : 1) * (i % 500), 2 + i % 20, i % 1000, i % 50, i % 30);
  out.append(buf, static_cast<std::size_t>(n));
}

std::string make_response(std::size_t target_bytes) {
  std::string text =
      "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n<ItemQueryRs requestID=\"bench\" statusCode=\"0\" "
      "statusSeverity=\"Info\" statusMessage=\"Status OK\" iteratorRemainingCount=\"0\" "
      "iteratorID=\"{6b474085-9943-46e2-ad71-d0a5aba9e948}\">\n";
  text.reserve(target_bytes + 4096);
  for (int i = 0; text.size() < target_bytes; ++i) append_item(text, i);
  text += "</ItemQueryRs>\n</QBXMLMsgsRs>\n</QBXML>\n";
  return text;
}

}  // namespace

int main() {
  std::string text = make_response(20u << 20);
  long baseline_kib = peak_rss_kib();
  auto start = std::chrono::steady_clock::now();
  auto set = ml::qbxml::parse_response_set(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  long peak_kib = peak_rss_kib();
  if (!set) {
    std::fprintf(stderr, "parse failed: %s\n", set.error().to_string().c_str());
    return 1;
  }
  double ms = std::chrono::duration<double, std::milli>(elapsed).count();
  double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  std::printf("input            %.1f MB, %zu ItemInventoryRet\n", mb, set->responses.at(0).items.size());
  std::printf("parse            %.1f ms, %.1f MB/s\n", ms, mb / (ms / 1000.0));
  std::printf("peak RSS         %.1f MB (baseline with the input in memory %.1f MB, delta %.1f MB)\n",
              peak_kib / 1024.0, baseline_kib / 1024.0, (peak_kib - baseline_kib) / 1024.0);
  return 0;
}
