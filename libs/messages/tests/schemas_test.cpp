#include <rapidjson/document.h>
#include <rapidjson/internal/regex.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "ml/messages/schemas.hpp"

using namespace ml::messages;

namespace {

const std::filesystem::path proto_dir{ML_PROTO_DIR};

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void collect_patterns(const rapidjson::Value& value, std::set<std::string>& out) {
  if (value.IsArray())
    for (const auto& element : value.GetArray()) collect_patterns(element, out);
  if (!value.IsObject()) return;
  for (const auto& member : value.GetObject()) {
    if (std::string_view(member.name.GetString()) == "pattern" && member.value.IsString())
      out.insert(member.value.GetString());
    collect_patterns(member.value, out);
  }
}

}  // namespace

TEST_CASE("every embedded schema equals its file in proto/") {
  REQUIRE_FALSE(embedded_schemas().empty());
  for (const auto& schema : embedded_schemas()) {
    INFO(schema.file_name);
    CHECK(schema.text == file_text(proto_dir / schema.file_name));
  }
}

TEST_CASE("every schema file in proto/ is embedded") {
  std::set<std::string> embedded;
  for (const auto& schema : embedded_schemas()) embedded.insert(std::string(schema.file_name));
  for (const auto& entry : std::filesystem::directory_iterator(proto_dir)) {
    const auto name = entry.path().filename().string();
    if (name.ends_with(".schema.json")) CHECK(embedded.count(name) == 1);
  }
}

TEST_CASE("every message type the envelope admits has a schema") {
  const auto envelope_text = file_text(proto_dir / "envelope.v1.schema.json");
  rapidjson::Document envelope;
  envelope.Parse(envelope_text.c_str());
  std::set<std::string> types;
  for (const auto& schema : embedded_schemas()) types.insert(std::string(schema.type));
  for (const auto& type : envelope["properties"]["type"]["enum"].GetArray()) {
    INFO(type.GetString());
    CHECK(types.count(type.GetString()) == 1);
  }
}

// RapidJSON silently skips a "pattern" its own regex engine cannot compile, so a typo would turn a
// check off without anyone noticing.
TEST_CASE("every pattern in the schemas compiles with RapidJSON's regex engine") {
  std::set<std::string> patterns;
  for (const auto& schema : embedded_schemas()) {
    rapidjson::Document document;
    document.Parse(schema.text.data(), schema.text.size());
    REQUIRE_FALSE(document.HasParseError());
    collect_patterns(document, patterns);
  }
  REQUIRE(patterns.size() >= 4);
  for (const auto& pattern : patterns) {
    INFO(pattern);
    CHECK(rapidjson::internal::Regex(pattern.c_str()).IsValid());
  }
}
