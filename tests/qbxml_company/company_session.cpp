#include "company_session.hpp"

#include <catch2/catch.hpp>

#include "ml/qbwc_sim/seed.hpp"
#include "ml/testing/environment.hpp"

namespace ml::qbxml_company {
namespace {

const qbwc_sim::XsdValidator* schema() {
  static const std::optional<qbwc_sim::XsdValidator> loaded = []() -> std::optional<qbwc_sim::XsdValidator> {
    const auto shared = ml::testing::shared_dir();
    if (!shared) return std::nullopt;
    auto validator = qbwc_sim::XsdValidator::load(*shared / "qbxml-schema" / "v13" / "qbxmlops130.xsd");
    if (!validator) FAIL(validator.error());
    return std::move(*validator);
  }();
  return loaded ? &*loaded : nullptr;
}

}  // namespace

std::unique_ptr<CompanySession> CompanySession::open(qbwc_sim::Company company, qbwc_sim::FaultPlan faults) {
  const qbwc_sim::XsdValidator* xsd = schema();
  if (!xsd) return nullptr;
  return std::make_unique<CompanySession>(std::move(company), *xsd, faults);
}

std::unique_ptr<CompanySession> CompanySession::open_small(qbwc_sim::FaultPlan faults) {
  return open(qbwc_sim::small_company(), faults);
}

CompanySession::CompanySession(qbwc_sim::Company company, const qbwc_sim::XsdValidator& schema,
                               qbwc_sim::FaultPlan faults)
    : company_(std::move(company)), schema_(schema) {
  qbwc_sim::QuickBooksOptions options;
  options.validator = schema;
  options.faults = faults;
  options.clock = std::make_shared<core::ManualClock>(qbwc_sim::seed_epoch() + std::chrono::hours(24));
  quickbooks_ = std::make_unique<qbwc_sim::QuickBooksDesktop>(company_, std::move(options), log_);
  REQUIRE(quickbooks_->validates_requests());
  new_session();
}

void CompanySession::new_session() {
  if (session_) quickbooks_->end_session(session_);
  auto opened = quickbooks_->begin_session("");
  REQUIRE(opened.has_value());
  session_ = *opened;
}

qbxml::ResponseSet CompanySession::exchange(const qbxml::MessageSet& set) {
  const auto request = set.build();
  INFO((request ? std::string() : request.error().to_string()));
  REQUIRE(request.has_value());
  last_request_ = *request;
  const qbwc_sim::ProcessResult result = quickbooks_->process_request(session_, last_request_);
  INFO("request:\n" << last_request_ << "\nQuickBooks: " << result.hresult << " " << result.message << "\nlog:\n"
                    << log_text_.str());
  REQUIRE(result.ok());
  last_response_ = result.response;
  INFO("response:\n" << last_response_);
  REQUIRE(schema_.validate(last_response_).value_or("valid") == "valid");
  auto parsed = qbxml::parse_response_set(last_response_);
  INFO((parsed ? std::string() : parsed.error().to_string()));
  REQUIRE(parsed.has_value());
  return std::move(*parsed);
}

qbxml::MessageSet message_set(qbxml::OnError on_error) { return qbxml::MessageSet(qbxml::kNewestVersion, on_error); }

qbxml::Response only_response(qbxml::ResponseSet set) {
  REQUIRE(set.responses.size() == 1);
  return std::move(set.responses.front());
}

core::Decimal dec(std::string_view text) { return core::Decimal::from_string(text); }

}  // namespace ml::qbxml_company
