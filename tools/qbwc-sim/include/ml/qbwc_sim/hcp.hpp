#pragma once
/// The HostQuery + CompanyQuery + PreferencesQuery response QBWC sends as strHCPResponse.
#include <string>

#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim {

/// Generated from the company (name, OwnerID/FileID data extension), as QuickBooks Pro 2014
/// with qbXML 1.0–13.0 in single-user mode would answer.
std::string host_company_preferences_response(const Company& company);

}  // namespace ml::qbwc_sim
