#pragma once
// A small company open in a simulated QuickBooks, with every response checked against the XSD.
#include <tinyxml2.h>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "ml/core/clock.hpp"
#include "ml/core/log.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbwc_sim/seed.hpp"
#include "ml/qbwc_sim/xsd_validator.hpp"

namespace ml::qbwc_sim::test {

/// The compiled qbxmlops130.xsd, or nullptr (after a SKIPPED note) when ../shared is absent.
const XsdValidator* schema();
std::optional<std::filesystem::path> schema_path();

/// `<?xml?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq attrs>body</QBXMLMsgsRq></QBXML>`.
std::string request_set(std::string_view body, std::string_view attributes = R"(onError="stopOnError")");

/// REQUIREs that `response` validates against the XSD (when the schema is available).
void require_valid_response(const std::string& response);

struct Fixture {
  explicit Fixture(FaultPlan faults = {}, bool with_schema = true);

  /// Processes a request set in the open session; REQUIREs success and a schema-valid response.
  std::string process(std::string_view body, std::string_view attributes = R"(onError="stopOnError")");
  ProcessResult process_raw(const std::string& request);
  void new_session();

  std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(seed_epoch() + std::chrono::hours(24));
  std::ostringstream log_text;
  core::Logger log{"qbwc-sim-test", &log_text};
  Company company = small_company();
  std::unique_ptr<QuickBooksDesktop> quickbooks;
  int session = 0;
};

/// A parsed response with shortcuts to its n-th …Rs element.
struct Response {
  explicit Response(const std::string& text);
  const tinyxml2::XMLElement& rs(int index = 0) const;
  int count() const;
  /// Number of elements (Ret records) inside the n-th …Rs.
  int rets(int index = 0) const;
  int status(int index = 0) const { return rs(index).IntAttribute("statusCode", -1); }
  std::string message(int index = 0) const;
  /// Text of the first descendant element with this name under the n-th …Rs ("" when absent).
  std::string find(const char* name, int index = 0) const;
  int count_named(const char* name, int index = 0) const;
  const tinyxml2::XMLElement& set() const;

  tinyxml2::XMLDocument doc;
};

/// A valid InvoiceAdd body for the small company (Jane Doe, 2 × WIDGET-01 at 19.99 + Shipping 7.50).
std::string invoice_add(std::string_view ref_number = "SS-1001", std::string_view request_id = "1");

}  // namespace ml::qbwc_sim::test
