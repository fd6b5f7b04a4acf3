#pragma once
/// The writer's consumers: what to do, inside the inbox transaction, with each message of
/// qbxml-writer.requests (posting.requested, qb.lookup.requested) and qbxml-writer.responses
/// (qbxml.response, qbwc.session). Decisions come from PostingMachine, LookupPlanner and ListSync;
/// this class loads and saves their rows, writes the resulting messages to the outbox and audits.
#include <optional>
#include <string>

#include <pqxx/pqxx>

#include "ml/core/clock.hpp"
#include "ml/messages/envelope.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"
#include "ml/qbxml_writer/writer_store.hpp"

namespace ml::qbxml_writer {

struct WriterOptions {
  std::string schema = "qbxml_writer";
  std::string company_file;   ///< ML_QBXML_WRITER_COMPANY_FILE
  int max_returned = 100;     ///< ML_QBXML_WRITER_MAX_RETURNED
  int max_stale_retries = 3;  ///< ML_QBXML_WRITER_STALE_RETRIES
  /// ML_QBXML_WRITER_TXN_KIND: write every posting as this kind; unset = as each request says.
  std::optional<messages::TxnKind> txn_kind;
  JournalAccounts journal;    ///< ML_QBXML_WRITER_JOURNAL_*
};

class QbxmlWriter {
 public:
  QbxmlWriter(WriterOptions options, const core::Clock& clock);

  /// posting.requested or qb.lookup.requested; any other type is refused (service::Rejection).
  void apply_request(pqxx::work& tx, const messages::Envelope& envelope) const;
  /// qbxml.response or qbwc.session; any other type is refused (service::Rejection).
  void apply_response(pqxx::work& tx, const messages::Envelope& envelope) const;

 private:
  void on_posting_requested(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_lookup_requested(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_qbxml_response(pqxx::work& tx, const messages::Envelope& cause) const;
  void on_session(pqxx::work& tx, const messages::Envelope& cause) const;
  void record(pqxx::work& tx, const messages::Envelope& cause, const Posting& before, const PostingDecision& decision) const;
  template <class Variant>
  void publish_all(pqxx::work& tx, const messages::Envelope& cause, const std::vector<Variant>& messages) const;

  WriterOptions options_;
  const core::Clock& clock_;
  WriterStore store_;
  PostingMachine postings_;
  LookupPlanner lookups_;
  ListSync lists_;
};

}  // namespace ml::qbxml_writer
