#include "ml/qbwc_sim/web_connector.hpp"

#include <charconv>
#include <thread>

#include "http_client.hpp"
#include "ml/qbwc_sim/text.hpp"
#include "soap.hpp"

namespace ml::qbwc_sim {
namespace {

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string shorten(std::string_view text) {
  return text.size() <= 120 ? std::string(text) : std::string(text.substr(0, 117)) + "...";
}

// One update session, in the order and with the branches QBWC takes (Programmer's Guide ch.2).
class UpdateSession {
 public:
  UpdateSession(const WebConnectorOptions& options, QuickBooksDesktop& quickbooks, core::Logger& log,
                FaultDice& lose, FaultDice& timeout)
      : options_(options), quickbooks_(quickbooks), log_(log), lose_(lose), timeout_(timeout) {}

  SessionReport run() {
    auto target = parse_http_url(options_.url);
    if (!target) return fail(SessionOutcome::transport_error, target.error());
    target_ = *target;
    if (!call("serverVersion", {})) return report_;
    auto client = call("clientVersion", {{"strVersion", options_.client_version}});
    if (!client) return report_;
    if (client->text.starts_with("E:") || client->text.starts_with("O:"))
      return fail(SessionOutcome::client_version_rejected, client->text);
    if (client->text.starts_with("W:")) log_.warn("clientVersion warning", {{"text", client->text}});
    auto path = authenticate();
    if (!path) return report_;
    const auto session = open_company(*path);
    if (!session) return report_;
    exchange(*session, *path);
    quickbooks_.end_session(*session);
    return report_;
  }

 private:
  SessionReport fail(SessionOutcome outcome, std::string why) {
    report_.outcome = outcome;
    report_.last_error = std::move(why);
    log_.warn("session ended", {{"outcome", std::string(to_string(outcome))}, {"reason", report_.last_error}});
    return report_;
  }

  std::optional<soap::Result> call(const std::string& method, std::vector<soap::Param> params,
                                   bool may_time_out = false) {
    const bool times_out = may_time_out && timeout_.roll(options_.faults.timeout);
    auto reply = post_soap(target_, method, soap::request_envelope(method, params), options_.http_timeout, !times_out);
    if (times_out) return failed_call(method, SessionOutcome::timed_out, method + " timed out (fault)");
    if (!reply) return failed_call(method, SessionOutcome::transport_error, reply.error());
    if (reply->status != 200)
      return failed_call(method, SessionOutcome::transport_error,
                         method + " answered HTTP " + std::to_string(reply->status));
    auto result = soap::parse_result(reply->body, method);
    if (!result) return failed_call(method, SessionOutcome::transport_error, result.error());
    std::string detail = result->strings.empty() ? shorten(result->text) : "";
    for (const auto& s : result->strings) detail += (detail.empty() ? "[" : ", ") + ("\"" + s + "\"");
    record(method, result->strings.empty() ? detail : detail + "]");
    return std::move(*result);
  }

  std::nullopt_t failed_call(const std::string& method, SessionOutcome outcome, const std::string& why) {
    record(method, why);
    fail(outcome, why);
    return std::nullopt;
  }

  void record(const std::string& method, const std::string& detail) {
    report_.calls.push_back({method, detail});
    log_.info("qbwc call", {{"method", method}, {"result", detail}, {"ticket", report_.ticket}});
  }

  // Returns the company file to open ("" = the open one), or nullopt when the session ends here.
  std::optional<std::string> authenticate() {
    auto auth = call("authenticate", {{"strUserName", options_.user}, {"strPassword", options_.password}});
    if (!auth) return std::nullopt;
    if (auth->strings.size() < 2) {
      fail(SessionOutcome::transport_error,
           "authenticate returned " + std::to_string(auth->strings.size()) + " strings; QBWC needs at least 2");
      return std::nullopt;
    }
    report_.ticket = auth->strings[0];
    if (auth->strings.size() > 2) report_.postpone_seconds = to_int(auth->strings[2]);
    if (auth->strings.size() > 3) report_.min_run_every_seconds = to_int(auth->strings[3]);
    const std::string& status = auth->strings[1];
    const SessionOutcome outcome = iequals(status, "nvu")    ? SessionOutcome::invalid_user
                                   : iequals(status, "none") ? SessionOutcome::nothing_to_do
                                   : iequals(status, "busy") ? SessionOutcome::busy
                                                             : SessionOutcome::completed;
    if (outcome == SessionOutcome::completed) return status;
    report_.outcome = outcome;
    close();
    return std::nullopt;
  }

  // Opens the company, following connectionError's retry paths; `path` ends as the file opened.
  std::optional<int> open_company(std::string& path) {
    for (int attempt = 0;; ++attempt) {
      auto session = quickbooks_.begin_session(path);
      if (session) return *session;
      auto answer = call("connectionError", {{"ticket", report_.ticket},
                                             {"hresult", session.error().hresult},
                                             {"message", session.error().message}});
      if (!answer) return std::nullopt;
      if (iequals(answer->text, "done") || attempt >= options_.connection_error_retries) {
        fail(SessionOutcome::connection_error, session.error().hresult + " " + session.error().message);
        return std::nullopt;
      }
      path = answer->text;
    }
  }

  void exchange(int session, const std::string& path) {
    const std::string company_file = path.empty() ? quickbooks_.company().info.file_path : path;
    bool first = true;
    for (;;) {
      auto sent = call("sendRequestXML",
                       {{"ticket", report_.ticket},
                        {"strHCPResponse", first ? quickbooks_.host_company_preferences() : ""},
                        {"strCompanyFileName", company_file},
                        {"qbXMLCountry", options_.country},
                        {"qbXMLMajorVers", std::to_string(options_.qbxml_major)},
                        {"qbXMLMinorVers", std::to_string(options_.qbxml_minor)}},
                       true);
      first = false;
      if (!sent) return;
      if (sent->text.empty() || sent->text == "NoOp") {
        if (!last_error_wants_retry()) return;
        continue;
      }
      const ProcessResult result = quickbooks_.process_request(session, sent->text);
      ++report_.request_sets;
      if (result.ok() && lose_.roll(options_.faults.lose)) {
        fail(SessionOutcome::response_lost, "the response to an applied request set was lost (fault)");
        return;
      }
      auto received = call("receiveResponseXML", {{"ticket", report_.ticket},
                                                  {"response", result.response},
                                                  {"hresult", result.hresult},
                                                  {"message", result.message}},
                           true);
      if (!received) return;
      const auto percent = to_int(received->text);
      if (!percent) return void(fail(SessionOutcome::transport_error, "receiveResponseXML returned '" + received->text + "'"));
      if (*percent < 0) return void(last_error_wants_retry());
      if (*percent >= 100) {
        report_.outcome = SessionOutcome::completed;
        return close();
      }
    }
  }

  // getLastError; "NoOp" means pause and ask for requests again (true), anything else ends the session.
  bool last_error_wants_retry() {
    auto error = call("getLastError", {{"ticket", report_.ticket}});
    if (!error) return false;
    if (error->text == "NoOp") {
      std::this_thread::sleep_for(options_.noop_pause);
      return true;
    }
    report_.outcome = SessionOutcome::stopped_by_service;
    report_.last_error = error->text;
    close();
    return false;
  }

  void close() {
    if (auto closed = call("closeConnection", {{"ticket", report_.ticket}})) report_.close_message = closed->text;
  }

  const WebConnectorOptions& options_;
  QuickBooksDesktop& quickbooks_;
  core::Logger& log_;
  FaultDice& lose_;
  FaultDice& timeout_;
  HttpTarget target_;
  SessionReport report_;
};

}  // namespace

std::string_view to_string(SessionOutcome outcome) {
  switch (outcome) {
    case SessionOutcome::completed: return "completed";
    case SessionOutcome::invalid_user: return "invalid_user";
    case SessionOutcome::nothing_to_do: return "nothing_to_do";
    case SessionOutcome::busy: return "busy";
    case SessionOutcome::client_version_rejected: return "client_version_rejected";
    case SessionOutcome::stopped_by_service: return "stopped_by_service";
    case SessionOutcome::connection_error: return "connection_error";
    case SessionOutcome::response_lost: return "response_lost";
    case SessionOutcome::timed_out: return "timed_out";
    case SessionOutcome::transport_error: return "transport_error";
  }
  return "transport_error";
}

WebConnector::WebConnector(WebConnectorOptions options, QuickBooksDesktop& quickbooks, core::Logger& log)
    : options_(std::move(options)),
      quickbooks_(quickbooks),
      log_(log),
      lose_dice_(options_.faults.seed, "lose"),
      timeout_dice_(options_.faults.seed, "timeout") {}

SessionReport WebConnector::run_session() {
  return UpdateSession(options_, quickbooks_, log_, lose_dice_, timeout_dice_).run();
}

}  // namespace ml::qbwc_sim
