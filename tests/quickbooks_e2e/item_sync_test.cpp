// Issue 7, "Done when": 20,000 items paged within sessions; no round trip over the configured
// budget. The writer's modified-since item query walks the large seed company's item list with a
// QuickBooks iterator, every page inside one QBWC session, each round trip within the gateway's
// batch limits and each page within the page size the reference advises.
#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <algorithm>
#include <iostream>
#include <map>

#include "ml/qbwc_gateway/request_batch.hpp"
#include "ml/qbwc_sim/seed.hpp"
#include "ml/qbwc_sim/text.hpp"
#include "ml/testing/environment.hpp"
#include "quickbooks_side.hpp"

namespace {

using namespace ml;
using namespace ml::quickbooks_e2e;
using namespace std::chrono_literals;

constexpr std::size_t kWriterMaxReturned = 100;  // ML_QBXML_WRITER_MAX_RETURNED default
// Largest page the reference reports in use (qbwc-qbxml.md §3.2: Conductor caps pages at 150).
constexpr std::size_t kLargestAdvisedPage = 150;
// What pack_message_set puts around the request elements.
constexpr std::size_t kMessageSetFrame = 256;

std::string watermark(pqxx::connection& connection, const std::string& list) {
  pqxx::work tx(connection);
  return tx.exec_params1("SELECT watermark FROM qbxml_writer.watermarks WHERE list = $1", list)[0].as<std::string>();
}

/// Forgets every earlier run's watermarks (the writer's schema outlives a test run), so the
/// first session loads the whole company.
void forget_watermarks(pqxx::connection& connection) {
  pqxx::work tx(connection);
  tx.exec0("UPDATE qbxml_writer.watermarks SET watermark = '', run_request_id = '', run_newest = ''");
  tx.commit();
}

std::string newest_item_time(const qbwc_sim::Company& company) {
  const auto newest = std::max_element(company.items.begin(), company.items.end(), [](const auto& a, const auto& b) {
    return a.stamp.modified < b.stamp.modified;
  });
  return qbwc_sim::format_qb_datetime(newest->stamp.modified, company.info.utc_offset_minutes);
}

struct ItemPages {
  std::map<int, int> starts_by_session;
  std::map<int, int> continues_by_session;
  std::size_t items = 0;
  std::size_t largest_page = 0;
};

ItemPages item_pages(const std::vector<qbwc_sim::ProcessedSet>& sets) {
  ItemPages pages;
  for (const auto& set : sets)
    for (const auto& request : set.requests) {
      if (request.name != "ItemQueryRq") continue;
      if (request.iterator == "Start") ++pages.starts_by_session[set.session];
      if (request.iterator == "Continue") ++pages.continues_by_session[set.session];
      pages.items += request.returned;
      pages.largest_page = std::max(pages.largest_page, request.returned);
    }
  return pages;
}

}  // namespace

TEST_CASE("20,000 items are synced page by page within one session, every round trip within budget", "[e2e]") {
  QuickBooksSide side;
  pqxx::connection connection(ml::testing::pg_url());
  forget_watermarks(connection);
  auto company = qbwc_sim::large_company(42);
  REQUIRE(company.items.size() == 20'000);
  core::Logger log("quickbooks", nullptr);
  log.set_level(core::LogLevel::warn);
  auto options = desktop_options({});
  options.keep_processed_sets = true;
  qbwc_sim::QuickBooksDesktop quickbooks(company, std::move(options), log);

  const auto report = side.drive(quickbooks, {}, [&] { return !watermark(connection, "items").empty(); }, 600s);
  const auto& sets = quickbooks.processed_sets();
  const auto pages = item_pages(sets);
  std::cout << "item sync: " << report.sessions << " QBWC sessions, " << sets.size() << " round trips, "
            << pages.items << " items in " << pages.continues_by_session.size() << " session(s) with pages, "
            << report.elapsed.count() / 1000.0 << " s" << std::endl;
  REQUIRE(report.finished);
  CHECK(watermark(connection, "items") == newest_item_time(company));

  // The run that completed: one Start and every further page as Continue of that session's iterator.
  const auto expected_pages = (company.items.size() + kWriterMaxReturned - 1) / kWriterMaxReturned;
  const auto completed = std::find_if(pages.continues_by_session.begin(), pages.continues_by_session.end(),
                                      [&](const auto& entry) { return entry.second + 1 == static_cast<int>(expected_pages); });
  REQUIRE(completed != pages.continues_by_session.end());
  CHECK(pages.starts_by_session.at(completed->first) == 1);
  CHECK(pages.largest_page == kWriterMaxReturned);
  CHECK(pages.largest_page <= kLargestAdvisedPage);

  const qbwc_gateway::BatchLimits budget;  // the gateway runs with the defaults
  const auto over_budget = std::count_if(sets.begin(), sets.end(), [&](const qbwc_sim::ProcessedSet& set) {
    return set.requests.size() > budget.max_requests || set.request_bytes > budget.max_bytes + kMessageSetFrame;
  });
  CHECK(over_budget == 0);
  const auto largest_answer = std::max_element(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
    return a.response_bytes < b.response_bytes;
  });
  std::cout << "largest answer of a round trip: " << largest_answer->response_bytes << " bytes" << std::endl;
  // Escaped into receiveResponseXML (at most 5 bytes per character, "&amp;") it still fits the
  // gateway's HTTP body limit (ML_HTTP_BODY_LIMIT default, 32 MiB).
  CHECK(largest_answer->response_bytes * 5 <= std::size_t{32} << 20);
  const auto [gateway, writer] = side.stop_services();
  CHECK(gateway == 0);
  CHECK(writer == 0);
}
