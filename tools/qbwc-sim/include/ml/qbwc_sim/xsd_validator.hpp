#pragma once
/// Validates qbXML documents against Intuit's XSD (libxml2), compiled once and shared.
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ml::qbwc_sim {

class XsdValidator {
 public:
  /// Compiles the schema (e.g. shared/qbxml-schema/v13/qbxmlops130.xsd); the error says why not.
  static std::expected<XsdValidator, std::string> load(const std::filesystem::path& xsd);
  /// $ML_SHARED_DIR/qbxml-schema/v13/qbxmlops130.xsd when that file exists.
  static std::optional<std::filesystem::path> schema_from_environment();

  /// nullopt when `xml` is well-formed and valid; otherwise "line N: what is wrong" (first errors).
  std::optional<std::string> validate(std::string_view xml) const;

 private:
  struct Schema;
  explicit XsdValidator(std::shared_ptr<Schema> schema) : schema_(std::move(schema)) {}
  std::shared_ptr<Schema> schema_;
};

}  // namespace ml::qbwc_sim
