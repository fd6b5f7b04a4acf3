#include <cctype>
#include <exception>

#include "ml/qbwc/namespaces.hpp"
#include "ml/qbwc/wsdl.hpp"
#include "ml/qbwc_gateway/gateway.hpp"

namespace ml::qbwc_gateway {
namespace {

namespace http = core::http;

core::HttpResponse soap(const core::HttpRequest& request, http::status status, std::string body) {
  return core::make_response(request, status, std::move(body), std::string(qbwc::kSoapContentType));
}

bool asks_for_wsdl(const core::HttpRequest& request) {
  const std::string_view target(request.target().data(), request.target().size());
  const auto query = target.find('?');
  if (query == std::string_view::npos) return false;
  std::string lower;
  for (char c : target.substr(query + 1)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "wsdl" || lower.starts_with("wsdl&") || lower.starts_with("wsdl=");
}

}  // namespace

core::HttpResponse Gateway::handle_post(const core::HttpRequest& request) {
  const auto action = request["SOAPAction"];
  auto parsed = qbwc::parse_request(request.body(), std::string_view(action.data(), action.size()));
  metrics_.soap_call(parsed ? qbwc::operation_name(*parsed) : "invalid");
  if (!parsed) {
    log_.warn("SOAP request refused", {{"error", parsed.error().describe()}});
    return soap(request, static_cast<http::status>(qbwc::kFaultHttpStatus),
                qbwc::serialize_fault(qbwc::fault_for(parsed.error())));
  }
  try {
    return soap(request, http::status::ok, qbwc::serialize_response(answer(*parsed)));
  } catch (const std::exception& e) {
    log_.error("SOAP call failed", {{"operation", std::string(qbwc::operation_name(*parsed))}, {"error", e.what()}});
    return soap(request, static_cast<http::status>(qbwc::kFaultHttpStatus),
                qbwc::serialize_fault(qbwc::SoapFault{qbwc::FaultCode::Server, "the gateway could not complete " +
                                                                    std::string(qbwc::operation_name(*parsed)) +
                                                                    "; the call may be repeated"}));
  }
}

void Gateway::register_routes(core::HttpServer& server) {
  server.route(http::verb::post, "/qbwc", [this](const core::HttpRequest& r) { return handle_post(r); });
  server.route(http::verb::get, "/qbwc", [this](const core::HttpRequest& r) {
    if (asks_for_wsdl(r)) return soap(r, http::status::ok, qbwc::wsdl_document(options_.qwc.app_url));
    return core::make_response(r, http::status::ok, "QuickBooks Web Connector endpoint of ml-connector\n");
  });
  server.route(http::verb::get, "/qbwc/app.qwc", [this](const core::HttpRequest& r) {
    auto document = qbwc::qwc_document(options_.qwc);
    if (!document)
      return core::make_response(r, http::status::internal_server_error,
                                 "the .qwc cannot be generated: " + document.error().element + " " +
                                     document.error().message + "\n");
    auto response = core::make_response(r, http::status::ok, std::move(*document), std::string(qbwc::kQwcContentType));
    response.set(http::field::content_disposition, "attachment; filename=\"ml-connector.qwc\"");
    return response;
  });
}

}  // namespace ml::qbwc_gateway
