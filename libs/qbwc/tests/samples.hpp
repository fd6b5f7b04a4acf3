#pragma once
// Reading the QBWC samples in ../shared/qbwc-samples.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qbwc_test {

/// ../shared/qbwc-samples, or nullopt after printing why it is absent (the test then returns).
std::optional<std::filesystem::path> samples_dir();

std::string read_file(const std::filesystem::path& path);

/// Files in `dir` whose names start with `prefix` and end with `suffix`, sorted.
std::vector<std::filesystem::path> files_matching(const std::filesystem::path& dir, const std::string& prefix,
                                                  const std::string& suffix);

/// `text` without leading and trailing whitespace.
std::string trimmed(const std::string& text);

}  // namespace qbwc_test
