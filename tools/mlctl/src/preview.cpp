#include "ml/messages/posting.hpp"
#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/table.hpp"
#include "ml/qbxml_writer/journal_content.hpp"
#include "ml/qbxml/posting_identity.hpp"
#include "ml/qbxml_writer/posting_machine.hpp"
#include "ml/qbxml_writer/request_text.hpp"

namespace ml::mlctl {
namespace {

using qbxml_writer::PostingStep;

/// The write the writer would send: an add until QuickBooks holds a transaction, then a
/// modify, or the void.
PostingStep step_for(const qbxml_writer::Posting& posting) {
  if (posting.request.action == messages::PostingAction::void_txn) return PostingStep::void_txn;
  return posting.txn_id.empty() ? PostingStep::add : PostingStep::modify;
}

std::vector<std::string> preview_key(pqxx::transaction_base& tx, const std::string& key) {
  const auto row = tx.exec_params1(
      "SELECT o.state, o.reason, o.last_request, o.txn_id, coalesce(w.edit_sequence, '') FROM reconciler.orders o "
      "LEFT JOIN qbxml_writer.postings w USING (posting_key) WHERE o.posting_key = $1",
      key);
  if (row[2].is_null())
    return {key, row[0].c_str(), "", "never requested for posting (state " + std::string(row[0].c_str()) +
                                         (row[1].as<std::string>().empty() ? "" : ": " + row[1].as<std::string>()) + ")"};
  auto request = messages::decode_payload<messages::PostingRequested>(row[2].as<std::string>());
  if (!request) throw CommandError("order " + key + ": its last posting.requested cannot be read: " + request.error().to_string());
  qbxml_writer::Posting posting;
  posting.request = *request;
  posting.ref_number = qbxml::ref_number_for(key);
  posting.external_guid = qbxml::external_guid_for(key);
  posting.txn_id = row[3].as<std::string>();
  posting.edit_sequence = row[4].as<std::string>();
  const auto step = step_for(posting);
  const auto write = qbxml_writer::write_request(posting, step, {});
  if (!write) throw CommandError("order " + key + ": " + write.error());
  const auto text = qbxml_writer::request_element("preview", *write);
  if (!text) throw CommandError("order " + key + ": the qbXML cannot be built: " + text.error().to_string());
  return {key, row[0].c_str(), qbxml_writer::to_string(step), *text};
}

}  // namespace

void preview(const Context& context, const std::string& number) {
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  Table table{{"posting_key", "state", "write", "qbxml"}, {}};
  for (const auto& key : posting_keys_of(tx, number)) table.rows.push_back(preview_key(tx, key));
  if (context.settings.format != Format::table) return print(table, context.settings.format, context.out);
  for (const auto& row : table.rows)
    context.out << "<!-- " << row[0] << " (" << row[1] << ")" << (row[2].empty() ? "" : ": " + row[2]) << " -->\n"
                << row[3] << "\n";
}

}  // namespace ml::mlctl
