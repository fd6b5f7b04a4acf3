#include <tinyxml2.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "markup_guard.hpp"
#include "ml/qbwc/namespaces.hpp"
#include "ml/qbwc/request.hpp"
#include "operations.hpp"
#include "xml_namespaces.hpp"

namespace ml::qbwc {
namespace {

using tinyxml2::XMLElement;
using Parsed = std::expected<Request, SoapError>;

SoapError error_at(SoapErrorKind kind, std::string message, const XMLElement& element) {
  return {kind, std::move(message), detail::location(element)};
}

std::string display_name(const XMLElement& element) {
  const auto ns = detail::element_namespace(element);
  const auto local = detail::split_name(element.Name()).local;
  if (!ns || ns->empty()) return std::string(local);
  return "{" + std::string(*ns) + "}" + std::string(local);
}

bool is_in(const XMLElement& element, std::string_view ns, std::string_view local) {
  return detail::split_name(element.Name()).local == local && detail::element_namespace(element) == ns;
}

// Reads the operation's parameters; the first problem is kept and reported by finish().
class Parameters {
 public:
  explicit Parameters(const XMLElement& operation) : operation_(operation) {}

  std::string text(std::string_view name) {
    const XMLElement* parameter = find(name);
    if (parameter == nullptr) return {};
    std::string value;
    for (const auto* node = parameter->FirstChild(); node != nullptr; node = node->NextSibling()) {
      if (const auto* child = node->ToElement()) {
        fail(error_at(SoapErrorKind::BadValue,
                      std::string(name) + " must be text but contains element <" + child->Name() + ">",
                      *child));
        return {};
      }
      if (const auto* text = node->ToText()) value += text->Value();
    }
    return value;
  }

  int integer(std::string_view name) {
    const std::string value = text(name);
    const auto first = value.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return 0;
    const auto last = value.find_last_not_of(" \t\r\n");
    int number = 0;
    const char* end = value.data() + last + 1;
    const auto [stop, status] = std::from_chars(value.data() + first, end, number);
    if (status != std::errc() || stop != end) {
      fail(error_at(SoapErrorKind::BadValue, std::string(name) + " is '" + value + "', expected an integer",
                    *find(name)));
    }
    return number;
  }

  template <class Decoded>
  Parsed finish(Decoded request) const {
    if (error_) return std::unexpected(*error_);
    return request;
  }

 private:
  // Parameters are qualified (elementFormDefault="qualified"); rpc-style clients send them
  // unqualified, which we accept too.
  const XMLElement* find(std::string_view name) const {
    for (const auto* child = operation_.FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
      if (is_in(*child, kQbwcNamespace, name) || is_in(*child, "", name)) return child;
    }
    return nullptr;
  }

  void fail(SoapError error) {
    if (!error_) error_ = std::move(error);
  }

  const XMLElement& operation_;
  std::optional<SoapError> error_;
};

using Decoder = Parsed (*)(Parameters&);

// Indexed like Request and detail::kOperations.
constexpr Decoder kDecoders[] = {
    [](Parameters& p) { return p.finish(ServerVersionRequest{}); },
    [](Parameters& p) { return p.finish(ClientVersionRequest{p.text("strVersion")}); },
    [](Parameters& p) {
      return p.finish(AuthenticateRequest{p.text("strUserName"), p.text("strPassword")});
    },
    [](Parameters& p) {
      return p.finish(SendRequestXmlRequest{p.text("ticket"), p.text("strHCPResponse"),
                                            p.text("strCompanyFileName"), p.text("qbXMLCountry"),
                                            p.integer("qbXMLMajorVers"), p.integer("qbXMLMinorVers")});
    },
    [](Parameters& p) {
      return p.finish(ReceiveResponseXmlRequest{p.text("ticket"), p.text("response"), p.text("hresult"),
                                                p.text("message")});
    },
    [](Parameters& p) {
      return p.finish(ConnectionErrorRequest{p.text("ticket"), p.text("hresult"), p.text("message")});
    },
    [](Parameters& p) { return p.finish(GetLastErrorRequest{p.text("ticket")}); },
    [](Parameters& p) { return p.finish(CloseConnectionRequest{p.text("ticket")}); },
};
static_assert(std::size(kDecoders) == std::variant_size_v<Request>);

std::optional<SoapError> check_namespaces(const XMLElement& element) {
  if (!detail::element_namespace(element)) {
    return error_at(
        SoapErrorKind::NotWellFormed,
        "namespace prefix '" + std::string(detail::split_name(element.Name()).prefix) + "' is not declared",
        element);
  }
  for (const auto* child = element.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (auto problem = check_namespaces(*child)) return problem;
  }
  return std::nullopt;
}

std::expected<const XMLElement*, SoapError> root_element(const tinyxml2::XMLDocument& document) {
  const XMLElement* root = document.RootElement();
  if (root == nullptr)
    return std::unexpected(
        SoapError{SoapErrorKind::NotWellFormed, "the document has no element", "request body"});
  if (const auto* extra = root->NextSiblingElement()) {
    return std::unexpected(
        error_at(SoapErrorKind::NotWellFormed,
                 "a second root element <" + std::string(extra->Name()) + "> follows the first", *extra));
  }
  if (auto problem = check_namespaces(*root)) return std::unexpected(*problem);
  return root;
}

std::optional<SoapError> check_header(const XMLElement& header) {
  for (const auto* entry = header.FirstChildElement(); entry != nullptr;
       entry = entry->NextSiblingElement()) {
    for (const auto* attribute = entry->FirstAttribute(); attribute != nullptr;
         attribute = attribute->Next()) {
      const bool must_understand = detail::split_name(attribute->Name()).local == "mustUnderstand" &&
                                   detail::attribute_namespace(*entry, attribute->Name()) == kSoap11Namespace;
      if (must_understand && std::string_view(attribute->Value()) == "1") {
        return error_at(
            SoapErrorKind::MustUnderstand,
            "header entry " + display_name(*entry) + " must be understood, and we understand no headers",
            *entry);
      }
    }
  }
  return std::nullopt;
}

std::expected<const XMLElement*, SoapError> body_of(const XMLElement& envelope) {
  if (is_in(envelope, kSoap12Namespace, "Envelope")) {
    return std::unexpected(
        error_at(SoapErrorKind::VersionMismatch,
                 "this is a SOAP 1.2 envelope; the Web Connector service speaks SOAP 1.1 (" +
                     std::string(kSoap11Namespace) + ")",
                 envelope));
  }
  if (!is_in(envelope, kSoap11Namespace, "Envelope")) {
    return std::unexpected(error_at(
        SoapErrorKind::NotSoapEnvelope,
        "the root element is " + display_name(envelope) + ", expected a SOAP 1.1 Envelope", envelope));
  }
  const XMLElement* child = envelope.FirstChildElement();
  if (child != nullptr && is_in(*child, kSoap11Namespace, "Header")) {
    if (auto problem = check_header(*child)) return std::unexpected(*problem);
    child = child->NextSiblingElement();
  }
  if (child == nullptr || !is_in(*child, kSoap11Namespace, "Body")) {
    const std::string found = child == nullptr ? "nothing" : display_name(*child);
    return std::unexpected(error_at(SoapErrorKind::NotSoapEnvelope, "expected the SOAP Body, found " + found,
                                    child ? *child : envelope));
  }
  return child;
}

std::expected<const XMLElement*, SoapError> operation_of(const XMLElement& body) {
  const XMLElement* operation = body.FirstChildElement();
  if (operation == nullptr) {
    return std::unexpected(error_at(SoapErrorKind::NotSoapEnvelope, "the SOAP Body is empty", body));
  }
  if (const auto* extra = operation->NextSiblingElement()) {
    return std::unexpected(
        error_at(SoapErrorKind::NotSoapEnvelope,
                 "the SOAP Body holds more than one operation (" + display_name(*extra) + ")", *extra));
  }
  return operation;
}

std::expected<std::size_t, SoapError> operation_index(const XMLElement& operation) {
  for (std::size_t i = 0; i < detail::kOperations.size(); ++i) {
    if (is_in(operation, kQbwcNamespace, detail::kOperations[i].name)) return i;
  }
  return std::unexpected(error_at(SoapErrorKind::UnknownMethod,
                                  display_name(operation) + " is not a QuickBooks Web Connector operation",
                                  operation));
}

// SOAPAction is "http://developer.intuit.com/<operation>", usually quoted; "" means "see the body".
std::optional<SoapError> check_soap_action(std::string_view action, std::string_view operation) {
  if (action.size() >= 2 && action.front() == '"' && action.back() == '"') {
    action = action.substr(1, action.size() - 2);
  }
  if (action.empty() || action == operation) return std::nullopt;
  if (action.starts_with(kQbwcNamespace) && action.substr(kQbwcNamespace.size()) == operation) {
    return std::nullopt;
  }
  return SoapError{SoapErrorKind::SoapActionMismatch,
                   "SOAPAction '" + std::string(action) + "' does not match the body's operation " +
                       std::string(operation),
                   "SOAPAction header"};
}

SoapError parse_failure(const tinyxml2::XMLDocument& document) {
  const std::string name = tinyxml2::XMLDocument::ErrorIDToName(document.ErrorID());
  if (document.ErrorID() == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED) {
    return {SoapErrorKind::TooDeep, "elements are nested too deep",
            "line " + std::to_string(document.ErrorLineNum())};
  }
  // ErrorStr() ends with what tinyxml2 was looking at, e.g. ": XMLElement name=strUserName".
  const std::string_view full = document.ErrorStr() == nullptr ? "" : document.ErrorStr();
  const auto context = full.find(": ");
  const std::string detail =
      context == std::string_view::npos ? "" : ", " + std::string(full.substr(context + 2));
  return {SoapErrorKind::NotWellFormed, "the XML is not well-formed (" + name + detail + ")",
          "line " + std::to_string(std::max(document.ErrorLineNum(), 1))};
}

}  // namespace

Parsed parse_request(std::string_view body, std::string_view soap_action, const ParseLimits& limits) {
  if (body.size() > limits.max_bytes) {
    return std::unexpected(SoapError{SoapErrorKind::TooLarge,
                                     "the request is " + std::to_string(body.size()) +
                                         " bytes, more than the limit of " + std::to_string(limits.max_bytes),
                                     "request body"});
  }
  if (auto problem = detail::check_markup(body, limits.max_depth)) return std::unexpected(*problem);
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  if (document.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) {
    return std::unexpected(parse_failure(document));
  }
  const auto root = root_element(document);
  if (!root) return std::unexpected(root.error());
  const auto body_element = body_of(**root);
  if (!body_element) return std::unexpected(body_element.error());
  const auto operation = operation_of(**body_element);
  if (!operation) return std::unexpected(operation.error());
  const auto index = operation_index(**operation);
  if (!index) return std::unexpected(index.error());
  if (auto problem = check_soap_action(soap_action, detail::kOperations[*index].name)) {
    return std::unexpected(*problem);
  }
  Parameters parameters(**operation);
  return kDecoders[*index](parameters);
}

std::string_view operation_name(const Request& request) { return detail::kOperations[request.index()].name; }

}  // namespace ml::qbwc
