#include "ml/qbwc_gateway/request_batch.hpp"

#include <tinyxml2.h>

#include <algorithm>

namespace ml::qbwc_gateway {
namespace {

// End of the start tag: the first '>' outside a quoted attribute value.
std::size_t start_tag_end(std::string_view element) {
  char quote = 0;
  for (std::size_t i = 0; i < element.size(); ++i) {
    const char c = element[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Removes ` name="..."` from a start tag.
std::string without_attribute(std::string tag, std::string_view name) {
  const std::string needle = " " + std::string(name) + "=";
  const auto at = tag.find(needle);
  if (at == std::string::npos) return tag;
  const auto open = at + needle.size();
  if (open >= tag.size()) return tag;
  const auto close = tag.find(tag[open], open + 1);
  if (close == std::string::npos) return tag;
  return tag.erase(at, close + 1 - at);
}

}  // namespace

std::vector<std::int64_t> select_batch(std::vector<QueuedRequest> queued, const BatchLimits& limits) {
  std::erase_if(queued, [](const QueuedRequest& r) { return !r.dependency_met; });
  std::sort(queued.begin(), queued.end(), [](const QueuedRequest& a, const QueuedRequest& b) {
    return a.priority != b.priority ? a.priority < b.priority : a.row < b.row;
  });
  std::vector<std::int64_t> chosen;
  std::size_t bytes = 0;
  for (const auto& request : queued) {
    if (chosen.size() >= limits.max_requests) break;
    if (!chosen.empty() && bytes + request.bytes > limits.max_bytes) break;
    chosen.push_back(request.row);
    bytes += request.bytes;
  }
  return chosen;
}

std::string pack_message_set(std::string_view qbxml_version, const std::vector<std::string>& request_elements) {
  std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?qbxml version=\"" + std::string(qbxml_version) +
                     "\"?>\n<QBXML>\n<QBXMLMsgsRq onError=\"continueOnError\">\n";
  for (const auto& element : request_elements) text += element + "\n";
  return text + "</QBXMLMsgsRq>\n</QBXML>\n";
}

std::expected<std::string, std::string> continue_request(std::string_view request_element,
                                                         std::string_view iterator_id) {
  const auto begin = request_element.find('<');
  const auto end = start_tag_end(request_element);
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin)
    return std::unexpected("the request has no start tag");
  const bool self_closing = end > 0 && request_element[end - 1] == '/';
  std::string tag(request_element.substr(begin, (self_closing ? end - 1 : end) - begin));
  tag = without_attribute(without_attribute(std::move(tag), "iterator"), "iteratorID");
  tag += " iterator=\"Continue\" iteratorID=\"" + std::string(iterator_id) + "\"";
  return tag + std::string(request_element.substr(self_closing ? end - 1 : end));
}

std::expected<std::string, std::string> request_id_of(std::string_view request_element) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(request_element.data(), request_element.size()) != tinyxml2::XML_SUCCESS)
    return std::unexpected(std::string("request_xml is not well-formed XML: ") + doc.ErrorStr());
  const auto* root = doc.RootElement();
  if (!root || root->NextSiblingElement()) return std::unexpected("request_xml must hold exactly one element");
  const char* id = root->Attribute("requestID");
  if (!id || !*id) return std::unexpected(std::string("request_xml element ") + root->Name() + " has no requestID");
  return std::string(id);
}

std::expected<std::vector<std::string>, std::string> response_elements(std::string_view qbxml) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(qbxml.data(), qbxml.size()) != tinyxml2::XML_SUCCESS)
    return std::unexpected(std::string("the response is not well-formed XML: ") + doc.ErrorStr());
  const auto* root = doc.RootElement();
  const auto* set = root ? root->FirstChildElement("QBXMLMsgsRs") : nullptr;
  if (!set) return std::unexpected("the response has no QBXML/QBXMLMsgsRs");
  std::vector<std::string> out;
  for (const auto* child = set->FirstChildElement(); child; child = child->NextSiblingElement()) {
    tinyxml2::XMLPrinter printer(nullptr, true);
    child->Accept(&printer);
    out.emplace_back(printer.CStr());
  }
  return out;
}

int percent_done(std::int64_t answered, std::int64_t pending) {
  if (pending <= 0) return 100;
  const auto total = answered + pending;
  return static_cast<int>(std::min<std::int64_t>(99, answered * 100 / total));
}

}  // namespace ml::qbwc_gateway
