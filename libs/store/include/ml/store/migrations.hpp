#pragma once
/// Versioned SQL migrations, one ordered set per schema.
///
///   auto migrations = ml::store::load_migrations("services/reconciler/migrations");  // V001__x.sql
///   ml::store::prepare_service_schema(conn, "reconciler", migrations);   // audit + inbox/outbox + yours
///
/// migrate() runs under a PostgreSQL advisory lock per schema (replicas starting together apply
/// each migration once), in one transaction per migration with `search_path` set to the schema
/// (so the SQL names its tables unqualified), and records version, name and the SHA-256 of the
/// text in `<schema>.schema_migrations`. Already applied migrations are skipped; one whose text
/// changed since is refused with MigrationChanged. Versions recorded in the database but unknown
/// to the code (a newer replica migrated first) are tolerated; a pending version lower than an
/// applied one is refused (never applied out of order).
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/connection>

namespace ml::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

/// One migration file's name (`V001__create_orders.sql`) and text, e.g. compiled into a service
/// by the CMake function ml_store_embed_migrations().
struct MigrationFile {
  std::string file_name;
  std::string sql;
};

/// A migration set or the database is not in a state where migrating is safe.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An applied migration's text differs from the one in the code.
class MigrationChanged : public MigrationError {
 public:
  MigrationChanged(std::string schema, int version, std::string name, std::string recorded_checksum,
                   std::string current_checksum);
  std::string schema;
  int version;
  std::string name;
  std::string recorded_checksum;
  std::string current_checksum;
};

/// Lower-case hex SHA-256 of `sql` exactly as given.
std::string migration_checksum(std::string_view sql);

/// `V<digits>__<name>.sql` (name made of letters, digits and '_') → Migration; MigrationError otherwise.
Migration parse_migration_file(const MigrationFile& file);
/// Every file parsed, sorted by version; MigrationError on a bad name or a repeated version.
std::vector<Migration> parse_migration_files(const std::vector<MigrationFile>& files);
/// Every `*.sql` file of `directory`, as parse_migration_files.
std::vector<Migration> load_migrations(const std::filesystem::path& directory);

/// Applies the pending migrations of `set_name` in `schema` (creating the schema and its
/// schema_migrations table when absent). Returns the versions this call applied, in order.
/// A failing migration's error propagates; the ones before it stay applied.
std::vector<int> migrate(pqxx::connection& connection, std::string schema,
                         const std::vector<Migration>& migrations,
                         std::string_view set_name = "service");

/// The library's own migrations: `audit.events` (append-only, shared by every service).
const std::vector<Migration>& audit_migrations();
/// The library's own migrations for a service schema: its `inbox` and `outbox` tables.
const std::vector<Migration>& messaging_migrations();

/// Start-up in one call: audit_migrations() into `audit`, messaging_migrations() and then
/// `service_migrations` into `schema`. The library's sets are recorded as set "ml.store".
void prepare_service_schema(pqxx::connection& connection, const std::string& schema,
                            const std::vector<Migration>& service_migrations = {});

}  // namespace ml::store
