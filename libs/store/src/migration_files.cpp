#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>

#include "ml/store/migrations.hpp"

namespace ml::store {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

MigrationError bad_file_name(const std::string& file_name) {
  return MigrationError("migration file '" + file_name +
                        "' is not named V<version>__<name>.sql (e.g. V001__create_orders.sql)");
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MigrationError("cannot read migration file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string migration_checksum(std::string_view sql) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(sql.data(), sql.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw MigrationError("SHA-256 of a migration failed in OpenSSL");
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0x0f];
  }
  return out;
}

Migration parse_migration_file(const MigrationFile& file) {
  const std::string_view name = file.file_name;
  const auto separator = name.find("__");
  if (name.size() < 2 || name.front() != 'V' || separator == std::string_view::npos ||
      !name.ends_with(".sql"))
    throw bad_file_name(file.file_name);
  const std::string_view digits = name.substr(1, separator - 1);
  int version = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || version <= 0)
    throw bad_file_name(file.file_name);
  const std::string_view title = name.substr(separator + 2, name.size() - separator - 2 - 4);
  if (title.empty() || !std::ranges::all_of(title, is_name_char)) throw bad_file_name(file.file_name);
  return Migration{version, std::string(title), file.sql};
}

std::vector<Migration> parse_migration_files(const std::vector<MigrationFile>& files) {
  std::vector<Migration> migrations;
  for (const auto& file : files) migrations.push_back(parse_migration_file(file));
  std::ranges::sort(migrations, {}, &Migration::version);
  const auto repeated = std::ranges::adjacent_find(migrations, {}, &Migration::version);
  if (repeated != migrations.end())
    throw MigrationError("two migrations have version " + std::to_string(repeated->version) + ": " +
                         repeated->name + " and " + std::next(repeated)->name);
  return migrations;
}

std::vector<Migration> load_migrations(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory))
    throw MigrationError("migration directory " + directory.string() + " does not exist");
  std::vector<MigrationFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.is_regular_file() && entry.path().extension() == ".sql")
      files.push_back({entry.path().filename().string(), read_file(entry.path())});
  return parse_migration_files(files);
}

}  // namespace ml::store
