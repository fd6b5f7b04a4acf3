#pragma once
/// Which queued qbXML requests go out in the next round trip, and how they are packed.
#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>


namespace ml::qbwc_gateway {

/// A queued request as the selection sees it.
struct QueuedRequest {
  std::int64_t row = 0;      ///< queue row id; also the age order (smaller = older)
  int priority = 5;          ///< 0 first
  bool dependency_met = true;  ///< false while its depends_on request is not answered
  std::size_t bytes = 0;     ///< size of its request element
};

/// Defaults: see "Batch size" in docs/configuration-qbwc-gateway.md.
struct BatchLimits {
  std::size_t max_requests = 50;
  std::size_t max_bytes = 512 * 1024;
};

/// Rows to send, in sending order: ready requests by priority, then age, while both limits hold.
/// A single request larger than max_bytes still goes out, alone, so it cannot block the queue.
std::vector<std::int64_t> select_batch(std::vector<QueuedRequest> queued, const BatchLimits& limits);

/// The QBXML document (onError="continueOnError") around request elements that carry their requestID.
std::string pack_message_set(std::string_view qbxml_version, const std::vector<std::string>& request_elements);

/// The text of each child element of QBXML/QBXMLMsgsRs, in document order.
std::expected<std::vector<std::string>, std::string> response_elements(std::string_view qbxml);

/// The next page of an iterator: `request_element` with iterator="Continue" iteratorID="..." in its
/// start tag (any previous iterator attributes removed, body kept).
std::expected<std::string, std::string> continue_request(std::string_view request_element,
                                                         std::string_view iterator_id);

/// The requestID attribute of the one element in `request_element`; an error when it is not a
/// single well-formed element or has no requestID.
std::expected<std::string, std::string> request_id_of(std::string_view request_element);

/// receiveResponseXML's progress: 100 when nothing is pending, else answered share, at most 99.
int percent_done(std::int64_t answered, std::int64_t pending);

}  // namespace ml::qbwc_gateway
