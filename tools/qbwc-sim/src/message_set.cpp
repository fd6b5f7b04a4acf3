#include "message_set.hpp"

#include <map>

#include "xml.hpp"

namespace ml::qbwc_sim {
namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using Handler = Outcome (*)(const XMLElement&, XMLElement&, RequestContext&);

const std::map<std::string, Handler, std::less<>>& handlers() {
  static const std::map<std::string, Handler, std::less<>> table = {
      {"CustomerQueryRq", customer_query},   {"ItemQueryRq", item_query},
      {"ItemInventoryQueryRq", item_inventory_query}, {"InvoiceQueryRq", invoice_query},
      {"InvoiceAddRq", invoice_add},         {"InvoiceModRq", invoice_mod},
      {"JournalEntryQueryRq", journal_entry_query}, {"JournalEntryAddRq", journal_entry_add},
      {"TxnVoidRq", txn_void}};
  return table;
}

bool is_write(std::string_view request) {
  return request.ends_with("AddRq") || request.ends_with("ModRq") || request == "TxnVoidRq" || request.ends_with("DelRq");
}

ProcessResult parse_error(core::Logger& log, const std::string& why) {
  log.warn("request set rejected", {{"hresult", std::string(kParseErrorHresult)}, {"reason", why}});
  return {"", std::string(kParseErrorHresult), std::string(kParseErrorMessage)};
}

// 3175/3180: QuickBooks could not lock or save the record because another user holds it.
Status lock_status(std::string_view request, FaultDice& dice) {
  std::string object(request.substr(0, request.size() - 2));
  for (const char* verb : {"Add", "Mod", "Del"})
    if (object.ends_with(verb)) object.resize(object.size() - 3);
  if (dice.next() & 1)
    return {3175, "There was an error when locking the " + object + ".  QuickBooks error message: The list "
                  "internals could not be locked because another user is using them."};
  return {3180, "There was an error when saving a " + object + ".  QuickBooks error message: The record failed "
                "to acquire the lock because it is in use by another user."};
}

std::optional<std::string> structural_problem(const XMLDocument& doc, bool validated) {
  const XMLElement* root = doc.RootElement();
  if (!root || std::string_view(root->Name()) != "QBXML") return "the root element is not QBXML";
  const XMLElement* set = root->FirstChildElement("QBXMLMsgsRq");
  if (!set) return "there is no QBXMLMsgsRq";
  if (validated) return std::nullopt;
  if (!set->Attribute("onError")) return "QBXMLMsgsRq has no onError attribute";
  for (const XMLElement* rq = set->FirstChildElement(); rq; rq = rq->NextSiblingElement())
    if (is_write(rq->Name()))
      if (auto field = overlong_field(*rq)) return *field;
  return std::nullopt;
}

void answer(const XMLElement& rq, XMLElement& rs_set, RequestContext& ctx, MessageSetEnvironment& env,
            bool& stop) {
  const std::string name = rq.Name();
  XMLElement& rs = xml::add(rs_set, (name.substr(0, name.size() - 2) + "Rs").c_str());
  if (const char* id = rq.Attribute("requestID")) rs.SetAttribute("requestID", id);
  if (env.faults.delay.count() > 0) env.sleep(env.faults.delay);
  Outcome outcome;
  const auto handler = handlers().find(name);
  if (handler == handlers().end()) outcome.status = {1030, "This request is not supported by this implementation."};
  else if (is_write(name) && env.lock_dice.roll(env.faults.lock)) outcome.status = lock_status(name, env.lock_dice);
  else outcome = handler->second(rq, rs, ctx);
  if (outcome.status.is_error()) rs.DeleteChildren();
  rs.SetAttribute("statusCode", outcome.status.code);
  rs.SetAttribute("statusSeverity", outcome.status.severity().c_str());
  rs.SetAttribute("statusMessage", outcome.status.message.c_str());
  if (outcome.ret_count) rs.SetAttribute("retCount", static_cast<unsigned>(*outcome.ret_count));
  if (outcome.remaining) rs.SetAttribute("iteratorRemainingCount", static_cast<unsigned>(*outcome.remaining));
  if (!outcome.iterator_id.empty()) rs.SetAttribute("iteratorID", outcome.iterator_id.c_str());
  env.log.debug("qbXML request", {{"request", name}, {"statusCode", outcome.status.code}});
  stop = outcome.status.is_error();
}

std::string children_text(const XMLElement& parent) {
  std::string out;
  for (const XMLElement* child = parent.FirstChildElement(); child; child = child->NextSiblingElement())
    out += xml::print(*child);
  return out;
}

// Error recovery: an empty set naming oldMessageSetID gets the saved responses back
// (messageSetStatusCode 0) or 600 "no cleared state"; without newMessageSetID the state is cleared.
void recover(const XMLElement& set, XMLElement& rs_set, Company& company) {
  const std::string old_id = set.Attribute("oldMessageSetID");
  const auto& saved = company.saved_message_set;
  if (old_id == "ClearAllMessageSets" || !saved || saved->id != old_id) {
    rs_set.SetAttribute("messageSetStatusCode", 600);
  } else {
    rs_set.SetAttribute("messageSetStatusCode", 0);
    XMLDocument stored;
    stored.Parse(("<Saved>" + saved->responses + "</Saved>").c_str());
    for (const XMLElement* rs = stored.RootElement()->FirstChildElement(); rs; rs = rs->NextSiblingElement())
      rs_set.InsertEndChild(rs->DeepClone(rs_set.GetDocument()));
  }
  if (!set.Attribute("newMessageSetID") || old_id == "ClearAllMessageSets") company.saved_message_set.reset();
}

}  // namespace

ProcessResult process_message_set(std::string_view request, MessageSetEnvironment& env) {
  if (env.validator)
    if (auto problem = env.validator->validate(request)) return parse_error(env.log, *problem);
  XMLDocument doc;
  if (doc.Parse(request.data(), request.size()) != tinyxml2::XML_SUCCESS) return parse_error(env.log, doc.ErrorStr());
  if (auto problem = structural_problem(doc, env.validator != nullptr)) return parse_error(env.log, *problem);
  const XMLElement& set = *doc.RootElement()->FirstChildElement("QBXMLMsgsRq");

  XMLDocument response;
  response.InsertEndChild(response.NewDeclaration("xml version=\"1.0\" "));
  XMLElement& rs_set = *response.InsertEndChild(response.NewElement("QBXML"))->ToElement()->InsertNewChildElement("QBXMLMsgsRs");
  if (set.Attribute("oldMessageSetID") && !set.FirstChildElement()) {
    recover(set, rs_set, env.company);
    return {xml::print(response), "", ""};
  }
  const std::string on_error = set.Attribute("onError") ? set.Attribute("onError") : "stopOnError";
  RequestContext ctx{env.company, env.session, env.now, env.user_edit_dice, env.faults.user_edit};
  bool stop = false;
  for (const XMLElement* rq = set.FirstChildElement(); rq && !stop; rq = rq->NextSiblingElement()) {
    answer(*rq, rs_set, ctx, env, stop);
    stop = stop && on_error != "continueOnError";
  }
  if (std::string_view(set.Attribute("responseData") ? set.Attribute("responseData") : "") == "includeNone")
    for (XMLElement* rs = rs_set.FirstChildElement(); rs; rs = rs->NextSiblingElement()) rs->DeleteChildren();
  if (const char* new_id = set.Attribute("newMessageSetID")) {
    rs_set.SetAttribute("newMessageSetID", new_id);
    rs_set.SetAttribute("messageSetStatusCode", 0);
    env.company.saved_message_set = SavedMessageSet{new_id, children_text(rs_set)};
  }
  return {xml::print(response), "", ""};
}

}  // namespace ml::qbwc_sim
