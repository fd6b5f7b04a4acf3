#include "ml/qbxml_writer/request_text.hpp"

namespace ml::qbxml_writer {

std::expected<std::string, qbxml::BuildError> request_element(const std::string& request_id,
                                                              const qbxml::Request& request) {
  qbxml::MessageSet set(qbxml::kNewestVersion, qbxml::OnError::stop_on_error);
  set.add(request_id, request);
  auto text = set.build();
  if (!text) return std::unexpected(text.error());
  const auto open = text->find("<QBXMLMsgsRq");
  const auto begin = text->find('>', open) + 1;
  const auto end = text->rfind("</QBXMLMsgsRq>");
  auto element = text->substr(begin, end - begin);
  const auto first = element.find_first_not_of(" \r\n\t");
  const auto last = element.find_last_not_of(" \r\n\t");
  return element.substr(first, last - first + 1);
}

std::expected<qbxml::Response, std::string> parse_response_element(std::string_view response_xml) {
  std::string document = "<?xml version=\"1.0\" ?><QBXML><QBXMLMsgsRs>";
  document += response_xml;
  document += "</QBXMLMsgsRs></QBXML>";
  auto set = qbxml::parse_response_set(document);
  if (!set) return std::unexpected("response_xml: " + set.error().to_string());
  if (set->responses.size() != 1)
    return std::unexpected("response_xml: expected one ...Rs element, got " + std::to_string(set->responses.size()));
  return std::move(set->responses.front());
}

}  // namespace ml::qbxml_writer
