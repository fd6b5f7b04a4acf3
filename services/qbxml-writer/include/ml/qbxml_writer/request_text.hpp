#pragma once
/// The qbXML text of one request element as qbxml.request carries it, and the parsed form of the
/// `...Rs` element a qbxml.response carries.
#include <expected>
#include <string>
#include <string_view>

#include "ml/qbxml/message_set.hpp"
#include "ml/qbxml/responses.hpp"

namespace ml::qbxml_writer {

/// `<XxxRq requestID="request_id">...</XxxRq>`, built by libs/qbxml (schema order, lengths checked).
std::expected<std::string, qbxml::BuildError> request_element(const std::string& request_id,
                                                              const qbxml::Request& request);

/// Parses one `...Rs` element; the error says what is wrong and where.
std::expected<qbxml::Response, std::string> parse_response_element(std::string_view response_xml);

}  // namespace ml::qbxml_writer
