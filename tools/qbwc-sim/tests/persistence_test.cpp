#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "ml/qbwc_sim/company_json.hpp"
#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

TEST_CASE("a company survives a save and load unchanged") {
  Fixture f;
  f.process(invoice_add(), R"(newMessageSetID="X1" onError="stopOnError")");
  f.process("<JournalEntryAddRq><JournalEntryAdd><JournalDebitLine><AccountRef><FullName>Checking</FullName></AccountRef>"
            "<Amount>5.00</Amount></JournalDebitLine><JournalCreditLine><AccountRef><FullName>Sales</FullName></AccountRef>"
            "<Amount>5.00</Amount></JournalCreditLine></JournalEntryAdd></JournalEntryAddRq>");
  const auto file = std::filesystem::temp_directory_path() / ("qbwc-sim-roundtrip-" + std::to_string(::getpid()) + ".json");
  REQUIRE(save_company(f.company, file).has_value());
  const auto loaded = load_company(file);
  std::filesystem::remove(file);
  REQUIRE(loaded.has_value());
  CHECK(company_to_json(*loaded) == company_to_json(f.company));
  CHECK(loaded->saved_message_set->id == "X1");
}

TEST_CASE("a malformed company file names the bad field") {
  auto json = company_to_json(small_company());
  json.replace(json.find("\"quantity_on_hand\": \"118\""), 25, "\"quantity_on_hand\": \"abc\"");
  const auto loaded = company_from_json(json);
  REQUIRE_FALSE(loaded.has_value());
  CHECK(loaded.error().find("company.items[0].quantity_on_hand") != std::string::npos);
}

TEST_CASE("seed companies are the same every time") {
  CHECK(company_to_json(small_company()) == company_to_json(small_company()));
  const Company large = large_company(42);
  CHECK(large.customers.size() == 5000);
  CHECK(large.items.size() == 20000);
  CHECK(company_to_json(large) == company_to_json(large_company(42)));
  CHECK(company_to_json(large) != company_to_json(large_company(43)));
}

TEST_CASE("a large company answers an iterator over all its items") {
  Company large = large_company(42);
  std::ostringstream out;
  ml::core::Logger log("test", &out);
  QuickBooksOptions options;
  if (schema()) options.validator = *schema();
  QuickBooksDesktop quickbooks(large, options, log);
  const int session = quickbooks.begin_session("").value();
  const auto first = quickbooks.process_request(session, request_set("<ItemInventoryQueryRq iterator=\"Start\">"
                                                                     "<MaxReturned>100</MaxReturned></ItemInventoryQueryRq>"));
  REQUIRE(first.ok());
  Response r(first.response);
  CHECK(r.rs().IntAttribute("iteratorRemainingCount") == 18700);
}
