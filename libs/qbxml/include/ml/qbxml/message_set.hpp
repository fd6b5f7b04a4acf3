#pragma once
/// A qbXML request message set: `<?xml?>`, `<?qbxml version?>`, QBXML/QBXMLMsgsRq with requests.
#include <compare>
#include <expected>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "ml/qbxml/requests.hpp"

namespace ml::qbxml {

struct QbxmlVersion {
  int major = 13;
  int minor = 0;
  std::string to_string() const;
  auto operator<=>(const QbxmlVersion&) const = default;
};

/// The newest spec we build for (our requests follow qbxmlops130.xsd).
inline constexpr QbxmlVersion kNewestVersion{13, 0};
/// The oldest spec that has everything we send (ExternalGUID needs 9.0).
inline constexpr QbxmlVersion kOldestVersion{9, 0};

/// The version to put in `<?qbxml version?>` given what QBWC reported in sendRequestXML
/// (qbXMLMajorVers/qbXMLMinorVers): the lower of that and kNewestVersion; an error when
/// QuickBooks is older than kOldestVersion.
std::expected<QbxmlVersion, std::string> negotiate_version(int reported_major, int reported_minor);

enum class OnError { stop_on_error, continue_on_error, rollback_on_error };

using Request = std::variant<CustomerQuery, ItemQuery, ItemInventoryQuery, InvoiceQuery, InvoiceAdd,
                             InvoiceMod, JournalEntryQuery, JournalEntryAdd, TxnVoid>;

/// Why a message set could not be built: the field ("InvoiceAddRq[ord-7]/InvoiceAdd/RefNumber")
/// and what is wrong with it.
struct BuildError {
  std::string field;
  std::string message;
  std::string to_string() const { return field + ": " + message; }
};

class MessageSet {
 public:
  MessageSet(QbxmlVersion version, OnError on_error) : version_(version), on_error_(on_error) {}

  /// Error recovery: QuickBooks keeps this set's status under `id` (use for writes).
  MessageSet& new_message_set_id(std::string id);
  /// Error recovery: asks for the stored status and responses of an earlier set.
  MessageSet& old_message_set_id(std::string id);
  /// Appends a request; `request_id` (non-empty, unique in the set) comes back on its response.
  MessageSet& add(std::string request_id, Request request);

  /// The request text, ASCII only (ISO-8859-1 characters as &#NNN;), elements in schema order.
  std::expected<std::string, BuildError> build() const;

 private:
  QbxmlVersion version_;
  OnError on_error_;
  std::string new_id_, old_id_;
  std::vector<std::pair<std::string, Request>> requests_;
};

}  // namespace ml::qbxml
