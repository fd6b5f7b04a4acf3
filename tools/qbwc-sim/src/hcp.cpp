#include "ml/qbwc_sim/hcp.hpp"

#include <tinyxml2.h>

#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

using tinyxml2::XMLElement;

XMLElement& response(XMLElement& set, const char* name, int request_id) {
  XMLElement& rs = xml::add(set, name);
  rs.SetAttribute("requestID", request_id);
  rs.SetAttribute("statusCode", 0);
  rs.SetAttribute("statusSeverity", "Info");
  rs.SetAttribute("statusMessage", "Status OK");
  return rs;
}

void write_host(XMLElement& set) {
  XMLElement& host = xml::add(response(set, "HostQueryRs", 0), "HostRet");
  xml::add_text(host, "ProductName", "QuickBooks Pro 2014");
  xml::add_text(host, "MajorVersion", "24");
  xml::add_text(host, "MinorVersion", "0");
  xml::add_text(host, "Country", "US");
  for (const char* version : {"1.0", "1.1", "2.0", "2.1", "3.0", "4.0", "4.1", "5.0", "6.0", "7.0", "8.0", "9.0",
                              "10.0", "11.0", "12.0", "13.0"})
    xml::add_text(host, "SupportedQBXMLVersion", version);
  xml::add_bool(host, "IsAutomaticLogin", false);
  xml::add_text(host, "QBFileMode", "SingleUser");
}

void add_data_ext(XMLElement& parent, const std::string& owner, const char* name, const std::string& value) {
  XMLElement& ext = xml::add(parent, "DataExtRet");
  xml::add_text(ext, "OwnerID", owner);
  xml::add_text(ext, "DataExtName", name);
  xml::add_text(ext, "DataExtType", "STR255TYPE");
  xml::add_text(ext, "DataExtValue", value);
}

void write_company(XMLElement& set, const Company& company) {
  XMLElement& ret = xml::add(response(set, "CompanyQueryRs", 1), "CompanyRet");
  xml::add_bool(ret, "IsSampleCompany", false);
  xml::add_text(ret, "CompanyName", company.info.name);
  xml::add_text(ret, "LegalCompanyName", company.info.name);
  xml::add_text(ret, "FirstMonthFiscalYear", "January");
  xml::add_text(ret, "FirstMonthIncomeTaxYear", "January");
  xml::add_text(ret, "TaxForm", "Form1120");
  add_data_ext(ret, company.info.owner_id, "FileID", company.info.file_id);
}

void write_preferences(XMLElement& set) {
  XMLElement& ret = xml::add(response(set, "PreferencesQueryRs", 2), "PreferencesRet");
  XMLElement& accounting = xml::add(ret, "AccountingPreferences");
  xml::add_bool(accounting, "IsUsingAccountNumbers", false);
  xml::add_bool(accounting, "IsRequiringAccounts", true);
  xml::add_bool(accounting, "IsUsingClassTracking", false);
  xml::add_bool(accounting, "IsUsingAuditTrail", true);
  xml::add_bool(accounting, "IsAssigningJournalEntryNumbers", true);
  XMLElement& finance = xml::add(ret, "FinanceChargePreferences");
  xml::add_text(finance, "AnnualInterestRate", "0.00");
  xml::add_text(finance, "MinFinanceCharge", "0.00");
  xml::add_text(finance, "GracePeriod", "0");
  xml::add_bool(finance, "IsAssessingForOverdueCharges", false);
  xml::add_text(finance, "CalculateChargesFrom", "DueDate");
  xml::add_bool(finance, "IsMarkedToBePrinted", false);
  XMLElement& jobs = xml::add(ret, "JobsAndEstimatesPreferences");
  xml::add_bool(jobs, "IsUsingEstimates", true);
  xml::add_bool(jobs, "IsUsingProgressInvoicing", false);
  xml::add_bool(jobs, "IsPrintingItemsWithZeroAmounts", false);
  xml::add_bool(xml::add(ret, "MultiCurrencyPreferences"), "IsMultiCurrencyOn", false);
  XMLElement& locations = xml::add(ret, "MultiLocationInventoryPreferences");
  xml::add_bool(locations, "IsMultiLocationInventoryAvailable", false);
  xml::add_bool(locations, "IsMultiLocationInventoryEnabled", false);
  XMLElement& purchases = xml::add(ret, "PurchasesAndVendorsPreferences");
  xml::add_bool(purchases, "IsUsingInventory", true);
  xml::add_text(purchases, "DaysBillsAreDue", "10");
  xml::add_bool(purchases, "IsAutomaticallyUsingDiscounts", false);
  XMLElement& reports = xml::add(ret, "ReportsPreferences");
  xml::add_text(reports, "AgingReportBasis", "AgeFromDueDate");
  xml::add_text(reports, "SummaryReportBasis", "Accrual");
  XMLElement& sales = xml::add(ret, "SalesAndCustomersPreferences");
  xml::add_bool(sales, "IsTrackingReimbursedExpensesAsIncome", false);
  xml::add_bool(sales, "IsAutoApplyingPayments", true);
  xml::add_text(xml::add(ret, "TimeTrackingPreferences"), "FirstDayOfWeek", "Monday");
  XMLElement& rights = xml::add(ret, "CurrentAppAccessRights");
  xml::add_bool(rights, "IsAutomaticLoginAllowed", false);
  xml::add_bool(rights, "IsPersonalDataAccessAllowed", false);
}

}  // namespace

std::string host_company_preferences_response(const Company& company) {
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration("xml version=\"1.0\" "));
  XMLElement& set = *doc.InsertEndChild(doc.NewElement("QBXML"))->ToElement()->InsertNewChildElement("QBXMLMsgsRs");
  write_host(set);
  write_company(set, company);
  write_preferences(set);
  return xml::print(doc);
}

}  // namespace ml::qbwc_sim
