#pragma once
/// The writer's rows in PostgreSQL (schema qbxml_writer by default), read and written inside the
/// caller's transaction. Rows being decided on are locked (FOR UPDATE).
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "ml/qbxml_writer/list_sync.hpp"
#include "ml/qbxml_writer/lookup_planner.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"
#include "ml/store/migrations.hpp"

namespace ml::qbxml_writer {

/// The service's own migrations (compiled in from migrations/).
std::vector<store::Migration> writer_migrations();

class WriterStore {
 public:
  explicit WriterStore(std::string schema);

  std::optional<Posting> posting(pqxx::work& tx, const std::string& key) const;
  std::optional<Posting> posting_by_request(pqxx::work& tx, const std::string& request_id) const;
  /// Postings waiting for a session: a lock error to retry, or a write in doubt.
  std::vector<Posting> waiting_postings(pqxx::work& tx) const;
  void save(pqxx::work& tx, const Posting& posting) const;

  std::optional<Lookup> lookup_by_request(pqxx::work& tx, const std::string& request_id) const;
  bool lookup_known(pqxx::work& tx, const std::string& lookup_id) const;
  void save(pqxx::work& tx, const Lookup& lookup) const;

  std::vector<ListWatermark> watermarks(pqxx::work& tx) const;
  std::optional<ListWatermark> watermark_by_request(pqxx::work& tx, const std::string& request_id) const;
  void save(pqxx::work& tx, const ListWatermark& row) const;

  std::vector<messages::QbCustomer> customers_by_email(pqxx::work& tx, const std::vector<std::string>& emails) const;
  void save(pqxx::work& tx, const qbxml::Customer& customer) const;

 private:
  std::string table(std::string_view name) const;
  std::string schema_;
};

}  // namespace ml::qbxml_writer
