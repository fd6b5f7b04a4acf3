#include "ml/qbxml/message_set.hpp"

#include <set>

#include "request_builders.hpp"

namespace ml::qbxml {

std::string QbxmlVersion::to_string() const { return std::to_string(major) + "." + std::to_string(minor); }

std::expected<QbxmlVersion, std::string> negotiate_version(int reported_major, int reported_minor) {
  QbxmlVersion reported{reported_major, reported_minor};
  if (reported < kOldestVersion)
    return std::unexpected("QuickBooks supports qbXML " + reported.to_string() + "; ml-connector needs " +
                           kOldestVersion.to_string() + " or later");
  return std::min(reported, kNewestVersion);
}

MessageSet& MessageSet::new_message_set_id(std::string id) {
  new_id_ = std::move(id);
  return *this;
}

MessageSet& MessageSet::old_message_set_id(std::string id) {
  old_id_ = std::move(id);
  return *this;
}

MessageSet& MessageSet::add(std::string request_id, Request request) {
  requests_.emplace_back(std::move(request_id), std::move(request));
  return *this;
}

namespace {

const char* to_string(OnError on_error) {
  switch (on_error) {
    case OnError::stop_on_error: return "stopOnError";
    case OnError::continue_on_error: return "continueOnError";
    case OnError::rollback_on_error: return "rollbackOnError";
  }
  return "";
}

std::optional<BuildError> check_set(QbxmlVersion version, bool recovering,
                                    const std::vector<std::pair<std::string, Request>>& requests) {
  if (version < kOldestVersion || version > kNewestVersion)
    return BuildError{"qbxml version", version.to_string() + " is outside the supported " +
                                           kOldestVersion.to_string() + " to " + kNewestVersion.to_string()};
  if (requests.empty() && !recovering)
    return BuildError{"QBXMLMsgsRq", "a message set needs a request (or an oldMessageSetID)"};
  std::set<std::string_view> seen;
  for (const auto& [id, request] : requests) {
    if (id.empty()) return BuildError{"QBXMLMsgsRq@requestID", "every request needs a requestID"};
    if (!seen.insert(id).second) return BuildError{"QBXMLMsgsRq@requestID", "\"" + id + "\" is used twice"};
  }
  return std::nullopt;
}

}  // namespace

std::expected<std::string, BuildError> MessageSet::build() const {
  if (auto error = check_set(version_, !old_id_.empty(), requests_)) return std::unexpected(*error);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"" + version_.to_string() + "\"?>";
  detail::RequestWriter w(out);
  w.open_labelled("QBXML", "");
  detail::Attributes attributes{{"onError", to_string(on_error_)}};
  if (!new_id_.empty()) attributes.emplace_back("newMessageSetID", new_id_);
  if (!old_id_.empty()) attributes.emplace_back("oldMessageSetID", old_id_);
  w.open_labelled("QBXMLMsgsRq", "", attributes);
  for (const auto& [id, request] : requests_)
    std::visit([&, &id = id](const auto& r) { detail::write_request(w, id, r); }, request);
  w.close();
  w.close();
  if (w.error()) return std::unexpected(*w.error());
  out += '\n';
  return out;
}

}  // namespace ml::qbxml
