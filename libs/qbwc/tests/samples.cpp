#include "samples.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "ml/testing/environment.hpp"

namespace qbwc_test {

std::optional<std::filesystem::path> samples_dir() {
  const auto shared = ml::testing::shared_dir();
  if (!shared) return std::nullopt;
  return *shared / "qbwc-samples";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::filesystem::path> files_matching(const std::filesystem::path& dir, const std::string& prefix,
                                                  const std::string& suffix) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(suffix)) found.push_back(entry.path());
  }
  std::ranges::sort(found);
  return found;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace qbwc_test
