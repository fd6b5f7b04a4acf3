#include <charconv>

#include "response_reading.hpp"

namespace ml::qbxml {
namespace {

using detail::fail_at;
using detail::text_of;
using tinyxml2::XMLElement;

// Refuses <!DOCTYPE> and other <!...> declarations and documents nested deeper than
// kMaxElementDepth, remembering the first offending node.
class DocumentGuard : public tinyxml2::XMLVisitor {
 public:
  bool VisitEnter(const XMLElement& element, const tinyxml2::XMLAttribute*) override {
    if (++depth_ > kMaxElementDepth && !error_)
      error_ = ParseError{"elements nested deeper than " + std::to_string(kMaxElementDepth), element.GetLineNum(),
                          detail::path_of(element)};
    return !error_;
  }
  bool VisitExit(const XMLElement&) override {
    --depth_;
    return !error_;
  }
  bool Visit(const tinyxml2::XMLUnknown& node) override {
    if (!error_) error_ = ParseError{"DTDs and <!...> declarations are not accepted", node.GetLineNum(), {}};
    return false;
  }
  const std::optional<ParseError>& error() const { return error_; }

 private:
  int depth_ = 0;
  std::optional<ParseError> error_;
};

std::optional<int> int_attribute(const XMLElement& e, const char* name) {
  const char* value = e.Attribute(name);
  if (!value) return std::nullopt;
  std::string_view text(value);
  int parsed = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
    fail_at(e, std::string(name) + " \"" + std::string(text) + "\" is not an integer");
  return parsed;
}

std::string string_attribute(const XMLElement& e, const char* name) {
  const char* value = e.Attribute(name);
  return value ? value : "";
}

Status status_of(const XMLElement& e) {
  auto code = int_attribute(e, "statusCode");
  if (!code) fail_at(e, "statusCode is missing");
  std::string severity = string_attribute(e, "statusSeverity");
  Status status{*code, Severity::info, string_attribute(e, "statusMessage")};
  if (severity == "Warn") status.severity = Severity::warn;
  else if (severity == "Error") status.severity = Severity::error;
  else if (severity != "Info") fail_at(e, "statusSeverity \"" + severity + "\" is not Info, Warn or Error");
  return status;
}

VoidedTxn voided_of(const XMLElement& e) {
  VoidedTxn v;
  for (auto* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    std::string_view name = c->Name();
    if (name == "TxnVoidType") v.txn_void_type = text_of(*c);
    else if (name == "TxnID") v.txn_id = text_of(*c);
    else if (name == "TimeModified") v.time_modified = text_of(*c);
    else if (name == "RefNumber") v.ref_number = text_of(*c);
  }
  return v;
}

Response response_of(const XMLElement& e) {
  Response r;
  r.kind = e.Name();
  r.line = e.GetLineNum();
  r.request_id = string_attribute(e, "requestID");
  r.status = status_of(e);
  r.ret_count = int_attribute(e, "retCount");
  r.iterator_id = string_attribute(e, "iteratorID");
  r.iterator_remaining_count = int_attribute(e, "iteratorRemainingCount");
  if (r.kind == "TxnVoidRs" && e.FirstChildElement()) r.voided = voided_of(e);
  for (auto* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    std::string_view name = c->Name();
    if (auto kind = detail::item_kind(name)) r.items.push_back(detail::parse_item(*c, *kind));
    else if (name == "CustomerRet") r.customers.push_back(detail::parse_customer(*c));
    else if (name == "InvoiceRet") r.invoices.push_back(detail::parse_invoice(*c));
    else if (name == "JournalEntryRet") r.journal_entries.push_back(detail::parse_journal_entry(*c));
  }
  return r;
}

ResponseSet set_of(const XMLElement& msgs) {
  ResponseSet set;
  set.new_message_set_id = string_attribute(msgs, "newMessageSetID");
  set.message_set_status_code = int_attribute(msgs, "messageSetStatusCode");
  for (auto* c = msgs.FirstChildElement(); c; c = c->NextSiblingElement()) {
    std::string_view name = c->Name();
    if (!name.ends_with("Rs")) fail_at(*c, "expected a ...Rs response element");
    set.responses.push_back(response_of(*c));
  }
  return set;
}

}  // namespace

std::string ParseError::to_string() const {
  std::string where = path.empty() ? "" : " at " + path;
  return message + where + " (line " + std::to_string(line) + ")";
}

const Response* ResponseSet::find(std::string_view request_id) const {
  for (const auto& r : responses)
    if (r.request_id == request_id) return &r;
  return nullptr;
}

std::expected<ResponseSet, ParseError> parse_response_set(std::string_view text) {
  tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
  if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS)
    return std::unexpected(ParseError{std::string("not well-formed XML: ") + doc.ErrorStr(), doc.ErrorLineNum(), {}});
  DocumentGuard guard;
  doc.Accept(&guard);
  if (guard.error()) return std::unexpected(*guard.error());
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "QBXML")
    return std::unexpected(ParseError{"the root element is not QBXML", root ? root->GetLineNum() : 0, {}});
  const XMLElement* msgs = root->FirstChildElement("QBXMLMsgsRs");
  if (!msgs) return std::unexpected(ParseError{"QBXML has no QBXMLMsgsRs", root->GetLineNum(), "QBXML"});
  try {
    return set_of(*msgs);
  } catch (const detail::ParseFailure& failure) {
    return std::unexpected(failure.error);
  }
}

}  // namespace ml::qbxml
