#pragma once
// libs/qbxml talking to the simulated QuickBooks company (tools/qbwc-sim), which validates every
// request set against Intuit's qbxmlops130.xsd.
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "ml/core/clock.hpp"
#include "ml/core/log.hpp"
#include "ml/qbwc_sim/company.hpp"
#include "ml/qbwc_sim/faults.hpp"
#include "ml/qbwc_sim/quickbooks.hpp"
#include "ml/qbxml/message_set.hpp"
#include "ml/qbxml/responses.hpp"

namespace ml::qbxml_company {

/// A QuickBooks session on a seeded company. Every exchange REQUIREs that QuickBooks accepts the
/// request set (schema-valid), that its response is schema-valid, and that libs/qbxml parses it.
class CompanySession {
 public:
  /// nullptr (after a SKIPPED note) when ../shared, and so the qbXML schema, is absent.
  static std::unique_ptr<CompanySession> open(qbwc_sim::Company company, qbwc_sim::FaultPlan faults = {});
  static std::unique_ptr<CompanySession> open_small(qbwc_sim::FaultPlan faults = {});

  qbxml::ResponseSet exchange(const qbxml::MessageSet& set);
  /// Ends this session and begins another (iterators do not survive; saved message sets do).
  void new_session();

  qbwc_sim::Company& company() { return company_; }
  const std::string& last_request() const { return last_request_; }
  const std::string& last_response() const { return last_response_; }

  CompanySession(qbwc_sim::Company company, const qbwc_sim::XsdValidator& schema, qbwc_sim::FaultPlan faults);

 private:
  qbwc_sim::Company company_;
  const qbwc_sim::XsdValidator& schema_;
  std::ostringstream log_text_;
  core::Logger log_{"qbxml-company-test", &log_text_};
  std::unique_ptr<qbwc_sim::QuickBooksDesktop> quickbooks_;
  int session_ = 0;
  std::string last_request_, last_response_;
};

/// A qbXML 13.0 message set.
qbxml::MessageSet message_set(qbxml::OnError on_error = qbxml::OnError::stop_on_error);

/// The one response of a set that must hold exactly one.
qbxml::Response only_response(qbxml::ResponseSet set);

core::Decimal dec(std::string_view text);

}  // namespace ml::qbxml_company

namespace Catch {
template <>
struct StringMaker<ml::core::Decimal> {
  static std::string convert(const ml::core::Decimal& value) { return value.to_string(); }
};
}  // namespace Catch
