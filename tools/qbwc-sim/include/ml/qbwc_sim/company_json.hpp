#pragma once
/// Saving and loading a company as JSON (the CLI's company FILE).
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "ml/qbwc_sim/company.hpp"

namespace ml::qbwc_sim {

std::string company_to_json(const Company& company);
/// The error names the field and what is wrong with it.
std::expected<Company, std::string> company_from_json(std::string_view json);

std::expected<Company, std::string> load_company(const std::filesystem::path& file);
/// Writes atomically (temporary file + rename).
std::expected<void, std::string> save_company(const Company& company, const std::filesystem::path& file);

}  // namespace ml::qbwc_sim
