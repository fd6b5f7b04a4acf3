#include "envelope.hpp"
#include "ml/qbwc/namespaces.hpp"
#include "ml/qbwc/response.hpp"
#include "operations.hpp"
#include "xml_escape.hpp"

namespace ml::qbwc {
namespace {

using detail::append_escaped_text;

void append_result(std::string& out, const ServerVersionResponse& r) { append_escaped_text(out, r.version); }

void append_result(std::string& out, const ClientVersionResponse& r) {
  using Verdict = ClientVersionResponse::Verdict;
  switch (r.verdict) {
    case Verdict::Accept:
      return;
    case Verdict::Warn:
      out += "W:";
      break;
    case Verdict::Refuse:
      out += "E:";
      break;
    case Verdict::RequireVersion:
      out += "O:";
      break;
  }
  append_escaped_text(out, r.text);
}

std::string_view verdict_text(const AuthVerdict& verdict) {
  struct Text {
    std::string_view operator()(const Proceed& p) const { return p.company_file; }
    std::string_view operator()(const NoWork&) const { return "none"; }
    std::string_view operator()(const Busy&) const { return "busy"; }
    std::string_view operator()(const InvalidUser&) const { return "nvu"; }
  };
  return std::visit(Text{}, verdict);
}

void append_string(std::string& out, std::string_view value) {
  out += "<string>";
  append_escaped_text(out, value);
  out += "</string>";
}

std::string seconds_text(const std::optional<std::chrono::seconds>& delay) {
  return delay ? std::to_string(delay->count()) : std::string();
}

void append_result(std::string& out, const AuthenticateResponse& r) {
  append_string(out, r.ticket);
  append_string(out, verdict_text(r.verdict));
  if (r.postpone || r.min_run_every) {
    append_string(out, seconds_text(r.postpone));
    append_string(out, seconds_text(r.min_run_every));
  }
}

void append_result(std::string& out, const SendRequestXmlResponse& r) { append_escaped_text(out, r.qbxml); }

void append_result(std::string& out, const ReceiveResponseXmlResponse& r) {
  out += std::to_string(r.percent_done);
}

void append_result(std::string& out, const ConnectionErrorResponse& r) {
  append_escaped_text(out, r.retry_company_file.value_or("done"));
}

void append_result(std::string& out, const GetLastErrorResponse& r) { append_escaped_text(out, r.message); }

void append_result(std::string& out, const CloseConnectionResponse& r) {
  append_escaped_text(out, r.message);
}

}  // namespace

std::string serialize_response(const Response& response) {
  const std::string_view name = detail::kOperations[response.index()].name;
  std::string out(detail::kEnvelopeStart);
  out.append("<").append(name).append("Response xmlns=\"").append(kQbwcNamespace).append("\">");
  out.append("<").append(name).append("Result>");
  std::visit([&out](const auto& r) { append_result(out, r); }, response);
  out.append("</").append(name).append("Result>");
  out.append("</").append(name).append("Response>");
  out += detail::kEnvelopeEnd;
  return out;
}

}  // namespace ml::qbwc
