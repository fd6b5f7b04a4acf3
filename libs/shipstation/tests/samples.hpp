#pragma once
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "ml/testing/environment.hpp"

/// The folder of ShipStation samples, or nullopt (after a printed reason) when ../shared is absent.
inline std::optional<std::filesystem::path> samples_dir() {
  const auto shared = ml::testing::shared_dir();
  if (!shared) return std::nullopt;
  return *shared / "shipstation-samples";
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}
