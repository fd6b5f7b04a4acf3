#pragma once
/// What we answer to each Web Connector call, serialized as QBWC expects: SOAP 1.1,
/// document/literal, UTF-8, `<xResponse xmlns="http://developer.intuit.com/"><xResult>`.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ml::qbwc {

/// serverVersionResult: shown in the Web Connector's "More information".
struct ServerVersionResponse {
  std::string version;
};

/// clientVersionResult: "" (go on), "W:text" (warn, user may go on), "E:text" (refuse),
/// "O:version" (tell the user the Web Connector version we need).
struct ClientVersionResponse {
  enum class Verdict { Accept, Warn, Refuse, RequireVersion };
  Verdict verdict = Verdict::Accept;
  std::string text;  ///< the message, or the required version for RequireVersion

  static ClientVersionResponse accept() { return {}; }
  static ClientVersionResponse warn(std::string text) { return {Verdict::Warn, std::move(text)}; }
  static ClientVersionResponse refuse(std::string text) { return {Verdict::Refuse, std::move(text)}; }
  static ClientVersionResponse require_version(std::string version) {
    return {Verdict::RequireVersion, std::move(version)};
  }
};

/// Valid user with work to do: `company_file` is the full path of the company file to open, or
/// empty to use the one open in QuickBooks.
struct Proceed {
  std::string company_file;
};
/// Valid user, nothing to exchange ("none").
struct NoWork {};
/// We cannot serve now ("busy"); pair it with a postpone.
struct Busy {};
/// Unknown user or wrong password ("nvu"); send an empty ticket.
struct InvalidUser {};
using AuthVerdict = std::variant<Proceed, NoWork, Busy, InvalidUser>;

/// authenticateResult: [ticket, verdict] or, when either delay is set,
/// [ticket, verdict, postpone seconds, minimum run-every seconds] with "" for the unset one.
/// The delays only take effect when the user enabled Auto-Run in the Web Connector.
struct AuthenticateResponse {
  std::string ticket;
  AuthVerdict verdict;
  std::optional<std::chrono::seconds> postpone;       ///< authRet[2]: come back after this long
  std::optional<std::chrono::seconds> min_run_every;  ///< authRet[3]: lower bound for Every-N
};

/// sendRequestXMLResult: the qbXML request (escaped on the wire); empty when there is nothing
/// to send (the Web Connector then calls getLastError).
struct SendRequestXmlResponse {
  std::string qbxml;
};

/// receiveResponseXMLResult: 0–99 = progress, call sendRequestXML again; 100 = done;
/// negative = error, the Web Connector calls getLastError.
struct ReceiveResponseXmlResponse {
  int percent_done = 100;
};

/// connectionErrorResult: "done" ends the session; a company file path makes the Web Connector
/// retry with that file.
struct ConnectionErrorResponse {
  std::optional<std::string> retry_company_file;
};

/// getLastErrorResult: text the Web Connector shows, or kNoOp to make it wait 5 s and call
/// sendRequestXML again.
struct GetLastErrorResponse {
  static constexpr std::string_view kNoOp = "NoOp";
  std::string message;
};

/// closeConnectionResult: a short status the Web Connector shows.
struct CloseConnectionResponse {
  std::string message;
};

using Response = std::variant<ServerVersionResponse, ClientVersionResponse, AuthenticateResponse,
                              SendRequestXmlResponse, ReceiveResponseXmlResponse, ConnectionErrorResponse,
                              GetLastErrorResponse, CloseConnectionResponse>;

/// The complete SOAP envelope (with XML declaration) to send with kSoapContentType and HTTP 200.
/// Text is escaped; characters XML 1.0 cannot carry (C0 controls other than tab/LF/CR, invalid
/// UTF-8) become U+FFFD so the answer is always well-formed.
std::string serialize_response(const Response& response);

}  // namespace ml::qbwc
