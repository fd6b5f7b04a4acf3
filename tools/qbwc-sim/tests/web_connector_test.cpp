#include <catch2/catch.hpp>

#include "ml/qbwc_sim/web_connector.hpp"
#include "scripted_service.hpp"
#include "support.hpp"

using namespace ml::qbwc_sim;
using namespace ml::qbwc_sim::test;

namespace {

using Methods = std::vector<std::string>;

struct Session {
  SessionReport run() {
    WebConnectorOptions options;
    options.url = service.url();
    options.user = "sync";
    options.password = "secret";
    options.noop_pause = std::chrono::milliseconds(1);
    options.faults = FaultPlan::parse(faults_spec, 3).value();
    return WebConnector(options, *company.quickbooks, company.log).run_session();
  }

  ScriptedService service;
  Fixture company;
  std::string faults_spec;
};

}  // namespace

TEST_CASE("a session calls the service in QBWC's order and hands the requests to the company") {
  Session s;
  s.service.requests = {request_set(invoice_add("W1")), request_set("<CustomerQueryRq/>")};
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::completed);
  CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion", "authenticate", "sendRequestXML",
                                       "receiveResponseXML", "sendRequestXML", "receiveResponseXML", "closeConnection"});
  const auto calls = s.service.calls();
  CHECK(calls[1].params.at("strVersion") == "2.3.0.215");
  CHECK(calls[2].params.at("strUserName") == "sync");
  CHECK(calls[3].params.at("ticket") == "ticket-1");
  CHECK(calls[3].params.at("strHCPResponse").find("<HostQueryRs") != std::string::npos);
  CHECK(calls[3].params.at("qbXMLCountry") == "US");
  CHECK(calls[3].params.at("qbXMLMajorVers") == "13");
  CHECK(calls[3].params.at("qbXMLMinorVers") == "0");
  CHECK(calls[5].params.at("strHCPResponse").empty());
  CHECK(calls[4].params.at("response").find("<InvoiceAddRs") != std::string::npos);
  CHECK(calls[4].params.at("hresult").empty());
  CHECK(s.company.company.invoices.size() == 3);
}

TEST_CASE("every call carries QBWC's HTTP headers") {
  Session s;
  s.run();
  for (const auto& call : s.service.calls()) {
    CHECK(call.soap_action == "\"http://developer.intuit.com/" + call.method + "\"");
    CHECK(call.content_type == "text/xml; charset=utf-8");
    CHECK(call.user_agent.find("MS Web Services Client Protocol") != std::string::npos);
  }
}

TEST_CASE("authenticate nvu, none and busy end the session with closeConnection") {
  for (const auto& [status, outcome] : {std::pair{"nvu", SessionOutcome::invalid_user},
                                        std::pair{"none", SessionOutcome::nothing_to_do},
                                        std::pair{"busy", SessionOutcome::busy}}) {
    Session s;
    s.service.authenticate_result = {"ticket-2", status, "300", "600"};
    const SessionReport report = s.run();
    CHECK(report.outcome == outcome);
    CHECK(report.postpone_seconds == 300);
    CHECK(report.min_run_every_seconds == 600);
    CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion", "authenticate", "closeConnection"});
  }
}

TEST_CASE("an empty request makes the Web Connector ask getLastError") {
  Session s;
  s.service.last_errors = {"No jobs queued"};
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::stopped_by_service);
  CHECK(report.last_error == "No jobs queued");
  CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion", "authenticate", "sendRequestXML",
                                       "getLastError", "closeConnection"});
}

TEST_CASE("a negative percent makes the Web Connector ask getLastError") {
  Session s;
  s.service.requests = {request_set("<CustomerQueryRq/>")};
  s.service.percent = [](std::size_t) { return -1; };
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::stopped_by_service);
  CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion", "authenticate", "sendRequestXML",
                                       "receiveResponseXML", "getLastError", "closeConnection"});
}

TEST_CASE("a request set QuickBooks cannot parse comes back as hresult 0x80040400") {
  Session s;
  s.service.requests = {"<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRq><Nonsense/></QBXMLMsgsRq></QBXML>"};
  s.run();
  const auto calls = s.service.calls();
  REQUIRE(calls.size() >= 5);
  CHECK(calls[4].method == "receiveResponseXML");
  CHECK(calls[4].params.at("response").empty());
  CHECK(calls[4].params.at("hresult") == "0x80040400");
  CHECK(calls[4].params.at("message") == "QuickBooks found an error when parsing the provided XML text stream.");
}

TEST_CASE("a lost response leaves the invoice applied in the company") {
  Session s;
  s.faults_spec = "lose=1";
  s.service.requests = {request_set(invoice_add("LOST-1"), R"(newMessageSetID="M1" onError="stopOnError")")};
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::response_lost);
  CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion", "authenticate", "sendRequestXML"});
  CHECK(s.company.company.invoices.back().ref_number == "LOST-1");
  s.company.new_session();
  Response recovered(s.company.process("", R"(oldMessageSetID="M1" onError="stopOnError")"));
  CHECK(recovered.find("RefNumber") == "LOST-1");
}

TEST_CASE("a timed-out round trip ends the session after the service received the call") {
  Session s;
  s.faults_spec = "timeout=1";
  s.service.requests = {request_set("<CustomerQueryRq/>")};
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::timed_out);
  REQUIRE(s.service.wait_for_calls(4));
  CHECK(s.service.methods().back() == "sendRequestXML");
}

TEST_CASE("QuickBooks not running is reported with connectionError") {
  Session s;
  QuickBooksOptions options;
  options.faults = FaultPlan::parse("not_running=1").value();
  QuickBooksDesktop down(s.company.company, options, s.company.log);
  WebConnectorOptions wc;
  wc.url = s.service.url();
  const SessionReport report = WebConnector(wc, down, s.company.log).run_session();
  CHECK(report.outcome == SessionOutcome::connection_error);
  const auto calls = s.service.calls();
  CHECK(calls.back().method == "connectionError");
  CHECK(calls.back().params.at("hresult") == "0x80040416");
}

TEST_CASE("connectionError may name another company file to retry with") {
  Session s;
  s.service.authenticate_result = {"ticket-3", R"(C:\Wrong.QBW)"};
  s.service.connection_error_result = s.company.company.info.file_path;
  const SessionReport report = s.run();
  CHECK(report.outcome == SessionOutcome::stopped_by_service);
  const auto calls = s.service.calls();
  CHECK(calls[3].method == "connectionError");
  CHECK(calls[3].params.at("hresult") == "0x80040403");
  CHECK(calls[4].method == "sendRequestXML");
  CHECK(calls[4].params.at("strCompanyFileName") == s.company.company.info.file_path);
}

TEST_CASE("clientVersion E: stops before authenticate") {
  Session s;
  s.service.client_version_result = "E:Please upgrade";
  CHECK(s.run().outcome == SessionOutcome::client_version_rejected);
  CHECK(s.service.methods() == Methods{"serverVersion", "clientVersion"});
}

TEST_CASE("getLastError NoOp makes the Web Connector ask for requests again") {
  Session s;
  s.service.last_errors = {"NoOp", "done for now"};
  const SessionReport report = s.run();
  const auto methods = s.service.methods();
  CHECK(std::count(methods.begin(), methods.end(), "sendRequestXML") >= 2);
  CHECK(report.outcome == SessionOutcome::stopped_by_service);
}
