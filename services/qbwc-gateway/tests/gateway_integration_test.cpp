#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <map>

#include "gateway_fixture.hpp"
#include "ml/core/ids.hpp"
#include "ml/qbwc_gateway/ticket.hpp"
#include "ml/qbwc_sim/seed.hpp"

using namespace ml;
using namespace ml::qbwc_gateway;
using namespace ml::qbwc_gateway::test;
using messages::QbxmlRequestKind;

namespace {

namespace http = boost::beast::http;

http::response<http::string_body> http_call(unsigned short port, http::verb verb, const std::string& target,
                                            const std::string& body = "") {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  http::request<http::string_body> request{verb, target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::content_type, "text/xml; charset=utf-8");
  request.body() = body;
  request.prepare_payload();
  http::write(socket, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  return response;
}

std::string invoice_add(const std::string& ref_number) {
  return R"(<InvoiceAddRq requestID="{id}"><InvoiceAdd><CustomerRef><FullName>Jane Doe</FullName></CustomerRef>)"
         R"(<TxnDate>2024-03-01</TxnDate><RefNumber>)" +
         ref_number +
         R"(</RefNumber><InvoiceLineAdd><ItemRef><FullName>WIDGET-01</FullName></ItemRef>)"
         R"(<Quantity>2</Quantity><Rate>19.99</Rate></InvoiceLineAdd></InvoiceAdd></InvoiceAddRq>)";
}

std::string unique_ref() { return "T" + new_ticket().substr(0, 8); }

int invoices_numbered(const qbwc_sim::Company& company, const std::string& ref) {
  int n = 0;
  for (const auto& invoice : company.invoices) n += invoice.ref_number == ref ? 1 : 0;
  return n;
}

constexpr const char* kCustomerQuery =
    R"(<CustomerQueryRq requestID="{id}"><FullName>Jane Doe</FullName></CustomerQueryRq>)";
constexpr const char* kItemPages =
    R"(<ItemQueryRq requestID="{id}" iterator="Start"><MaxReturned>3</MaxReturned></ItemQueryRq>)";

}  // namespace

TEST_CASE("requests published on the bus are applied by QuickBooks and every answer comes back as qbxml.response") {
  GatewayHarness harness;
  BusRoundTrip bus(harness);
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  const auto ref = unique_ref();
  const auto customer = request_of(kCustomerQuery);
  const auto invoice = request_of(invoice_add(ref), QbxmlRequestKind::write);
  const auto items = request_of(kItemPages);
  for (const auto& r : {customer, invoice, items}) bus.publish(r);
  REQUIRE(bus::testing::eventually([&] { return harness.count("pending") == 3; }, std::chrono::seconds(20)));

  const auto report = harness.run_session(*quickbooks);
  REQUIRE(qbwc_sim::to_string(report.outcome) == "completed");
  CHECK(invoices_numbered(company, ref) == 1);

  std::map<std::string, std::vector<messages::QbxmlResponse>> answers;
  std::vector<messages::QbwcSession> sessions;
  while (auto envelope = bus.next(std::chrono::seconds(3))) {
    if (envelope->type == "qbxml.response") {
      auto response = messages::decode<messages::QbxmlResponse>(*envelope).value();
      answers[response.request_id].push_back(response);
    } else {
      sessions.push_back(messages::decode<messages::QbwcSession>(*envelope).value());
    }
  }
  REQUIRE(answers[customer.request_id].size() == 1);
  CHECK(answers[customer.request_id][0].status_code == 0);
  CHECK(answers[customer.request_id][0].response_xml->find("Jane Doe") != std::string::npos);
  REQUIRE(answers[invoice.request_id].size() == 1);
  CHECK(answers[invoice.request_id][0].outcome == messages::QbxmlOutcome::answered);
  CHECK(answers[invoice.request_id][0].response_xml->find(ref) != std::string::npos);
  const auto& pages = answers[items.request_id];
  REQUIRE(pages.size() >= 3);
  CHECK(pages.back().iterator_remaining_count == 0);
  REQUIRE(sessions.size() == 2);
  CHECK(sessions[0].event == messages::SessionEvent::started);
  CHECK(sessions[1].event == messages::SessionEvent::ended);
  CHECK(sessions[1].responses_received == static_cast<std::int64_t>(2 + pages.size()));
  CHECK(sessions[1].in_doubt == 0);
}

TEST_CASE("a wrong password is answered nvu") {
  GatewayHarness harness;
  harness.enqueue(request_of(kCustomerQuery));
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks, "wrong").outcome) == "invalid_user");
  CHECK(harness.count("pending") == 1);
}

TEST_CASE("after too many failed logins even the right password is answered nvu") {
  GatewayHarness harness;
  auto& gateway = harness.gateway();
  for (int i = 0; i < 3; ++i) gateway.answer(qbwc::AuthenticateRequest{kUser, "wrong"});
  const auto answer = std::get<qbwc::AuthenticateResponse>(gateway.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  CHECK(std::holds_alternative<qbwc::InvalidUser>(answer.verdict));
  CHECK(answer.ticket.empty());
}

TEST_CASE("nothing queued is answered none with a postpone") {
  GatewayHarness harness;
  const auto answer =
      std::get<qbwc::AuthenticateResponse>(harness.gateway().answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  CHECK(std::holds_alternative<qbwc::NoWork>(answer.verdict));
  CHECK(answer.postpone == std::chrono::seconds(300));
}

TEST_CASE("a forged ticket gets nothing and nothing is taken from the queue") {
  GatewayHarness harness;
  harness.enqueue(request_of(kCustomerQuery));
  auto& gateway = harness.gateway();
  const auto forged = new_ticket();
  qbwc::SendRequestXmlRequest send;
  send.ticket = forged;
  send.qbxml_major_version = 13;
  CHECK(std::get<qbwc::SendRequestXmlResponse>(gateway.answer(send)).qbxml.empty());
  CHECK(std::get<qbwc::ReceiveResponseXmlResponse>(gateway.answer(qbwc::ReceiveResponseXmlRequest{forged, "", "", ""}))
            .percent_done == -1);
  CHECK(std::get<qbwc::GetLastErrorResponse>(gateway.answer(qbwc::GetLastErrorRequest{forged})).message ==
        "The session ticket is unknown or has expired.");
  CHECK(harness.count("pending") == 1);
}

TEST_CASE("a malformed envelope gets a SOAP fault and nothing is lost") {
  GatewayHarness harness;
  harness.enqueue(request_of(kCustomerQuery));
  const auto response = http_call(harness.port(), http::verb::post, "/qbwc", "<soap:Envelope><unclosed>");
  CHECK(response.result_int() == 500);
  CHECK(response.body().find("soap:Client") != std::string::npos);
  CHECK(harness.count("pending") == 1);
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks).outcome) == "completed");
  CHECK(harness.count("answered") == 1);
}

TEST_CASE("a 50 MB body is refused with 413 without being read") {
  GatewayHarness harness;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), harness.port()});
  const std::string head = "POST /qbwc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: " +
                           std::to_string(50 * 1024 * 1024) + "\r\n\r\n";
  boost::asio::write(socket, boost::asio::buffer(head));
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  CHECK(response.result_int() == 413);
}

TEST_CASE("the WSDL, the QBWC check and the .qwc are served") {
  GatewayHarness harness;
  CHECK(http_call(harness.port(), http::verb::get, "/qbwc").result_int() == 200);
  const auto wsdl = http_call(harness.port(), http::verb::get, "/qbwc?wsdl");
  CHECK(wsdl.result_int() == 200);
  CHECK(wsdl.body().find("http://localhost/qbwc") != std::string::npos);
  const auto qwc = http_call(harness.port(), http::verb::get, "/qbwc/app.qwc");
  CHECK(qwc.result_int() == 200);
  CHECK(qwc.body().find("<UserName>qbwc-user</UserName>") != std::string::npos);
  CHECK(qwc.body().find("{C2A8D7E5-2D47-4C5B-9D2E-6A9A1F0E7B31}") != std::string::npos);
}

TEST_CASE("a write whose response was lost is published in doubt and never sent again") {
  GatewayHarness harness;
  BusRoundTrip bus(harness);
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  const auto ref = unique_ref();
  const auto invoice = request_of(invoice_add(ref), QbxmlRequestKind::write);
  bus.publish(invoice);
  REQUIRE(bus::testing::eventually([&] { return harness.count("pending") == 1; }, std::chrono::seconds(20)));

  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks, kPassword, 1.0).outcome) == "response_lost");
  CHECK(invoices_numbered(company, ref) == 1);
  harness.clock.advance(std::chrono::seconds(61));
  CHECK(harness.gateway().sweep_expired() == 1);
  CHECK(harness.count("in_doubt") == 1);

  std::optional<messages::QbxmlResponse> in_doubt;
  while (auto envelope = bus.next(std::chrono::seconds(3)))
    if (envelope->type == "qbxml.response") in_doubt = messages::decode<messages::QbxmlResponse>(*envelope).value();
  REQUIRE(in_doubt);
  CHECK(in_doubt->request_id == invoice.request_id);
  CHECK(in_doubt->outcome == messages::QbxmlOutcome::in_doubt);

  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks).outcome) == "nothing_to_do");
  CHECK(invoices_numbered(company, ref) == 1);
}

TEST_CASE("a request waits until the request it depends on is answered") {
  GatewayHarness harness;
  auto first = request_of(kCustomerQuery, QbxmlRequestKind::query, 9);
  auto second = request_of(R"(<ItemQueryRq requestID="{id}"><FullName>WIDGET-01</FullName></ItemQueryRq>)",
                           QbxmlRequestKind::query, 0);
  second.depends_on = first.request_id;
  harness.enqueue(first);
  harness.enqueue(second);
  auto& gateway = harness.gateway();
  const auto auth = std::get<qbwc::AuthenticateResponse>(gateway.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  qbwc::SendRequestXmlRequest send;
  send.ticket = auth.ticket;
  send.qbxml_major_version = 13;
  const auto set = std::get<qbwc::SendRequestXmlResponse>(gateway.answer(send)).qbxml;
  CHECK(set.find(first.request_id) != std::string::npos);
  CHECK(set.find(second.request_id) == std::string::npos);
}

TEST_CASE("two gateway instances on one database serve alternating calls of one session") {
  GatewayHarness harness(2);
  for (int i = 0; i < 3; ++i) harness.enqueue(request_of(kCustomerQuery));
  harness.enqueue(request_of(kItemPages));
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks).outcome) == "completed");
  CHECK(harness.count("answered") >= 5);
  CHECK(harness.count("pending") == 0);
  CHECK(harness.calls_served_by(0) >= 3);
  CHECK(harness.calls_served_by(1) >= 3);
}

TEST_CASE("an hresult answer returns -1, puts its write in doubt, re-queues its query and explains in getLastError") {
  GatewayHarness harness;
  const auto query = request_of(kCustomerQuery);
  const auto write = request_of(invoice_add(unique_ref()), QbxmlRequestKind::write);
  harness.enqueue(query);
  harness.enqueue(write);
  auto& gateway = harness.gateway();
  const auto auth = std::get<qbwc::AuthenticateResponse>(gateway.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  qbwc::SendRequestXmlRequest send;
  send.ticket = auth.ticket;
  send.qbxml_major_version = 13;
  REQUIRE_FALSE(std::get<qbwc::SendRequestXmlResponse>(gateway.answer(send)).qbxml.empty());

  const qbwc::ReceiveResponseXmlRequest failed{auth.ticket, "", "0x80040400", "QuickBooks found an error"};
  CHECK(std::get<qbwc::ReceiveResponseXmlResponse>(gateway.answer(failed)).percent_done == -1);
  CHECK(std::get<qbwc::GetLastErrorResponse>(gateway.answer(qbwc::GetLastErrorRequest{auth.ticket})).message ==
        "QuickBooks returned 0x80040400: QuickBooks found an error");
  CHECK(harness.count("in_doubt") == 1);
  CHECK(harness.count("pending") == 1);
  gateway.answer(qbwc::CloseConnectionRequest{auth.ticket});
  CHECK(harness.count("pending") == 1);
}

TEST_CASE("qbXML newer than 13.0 is answered in 13.0") {
  GatewayHarness harness;
  harness.enqueue(request_of(kCustomerQuery));
  auto& gateway = harness.gateway();
  const auto auth = std::get<qbwc::AuthenticateResponse>(gateway.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  qbwc::SendRequestXmlRequest send;
  send.ticket = auth.ticket;
  send.qbxml_major_version = 16;
  const auto set = std::get<qbwc::SendRequestXmlResponse>(gateway.answer(send)).qbxml;
  CHECK(set.find(R"(<?qbxml version="13.0"?>)") != std::string::npos);
}

TEST_CASE("connectionError ends the session with done and publishes the error") {
  GatewayHarness harness;
  harness.enqueue(request_of(kCustomerQuery));
  auto& gateway = harness.gateway();
  const auto auth = std::get<qbwc::AuthenticateResponse>(gateway.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  const auto answer = std::get<qbwc::ConnectionErrorResponse>(
      gateway.answer(qbwc::ConnectionErrorRequest{auth.ticket, "0x80040408", "Could not start QuickBooks."}));
  CHECK_FALSE(answer.retry_company_file);
  auto lease = harness.pool.acquire();
  pqxx::work tx(*lease);
  const auto session = tx.exec_params("SELECT state, end_reason FROM sessions WHERE ticket = $1", auth.ticket).at(0);
  CHECK(session[0].as<std::string>() == "ended");
  CHECK(session[1].as<std::string>().find("0x80040408") != std::string::npos);
  const auto ended = tx.exec("SELECT body FROM " + harness.schema + ".outbox WHERE routing_key = 'qbwc.session' ORDER BY seq");
  REQUIRE(ended.size() == 2);
  CHECK(ended[1][0].as<std::string>().find("Could not start QuickBooks.") != std::string::npos);
}

TEST_CASE("a request waiting for a request that will never be answered does not open or hold sessions") {
  GatewayHarness harness;
  auto orphan = request_of(kCustomerQuery);
  orphan.depends_on = core::new_uuid();
  harness.enqueue(orphan);
  auto company = qbwc_sim::small_company();
  auto quickbooks = small_quickbooks(company, harness.log);
  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks).outcome) == "nothing_to_do");

  harness.enqueue(request_of(kCustomerQuery));
  CHECK(qbwc_sim::to_string(harness.run_session(*quickbooks).outcome) == "completed");
  CHECK(harness.count("pending") == 1);
}

TEST_CASE("with nothing queued a session is still opened when none started for the idle interval") {
  GatewayHarness harness;
  auto& gateway = harness.gateway();
  auto options = harness.options();
  options.idle_session_every = std::chrono::seconds(600);
  Gateway idle_aware(harness.pool, harness.schema, options, harness.clock, harness.log);
  const auto first = std::get<qbwc::AuthenticateResponse>(idle_aware.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  CHECK(std::holds_alternative<qbwc::Proceed>(first.verdict));
  gateway.answer(qbwc::CloseConnectionRequest{first.ticket});
  const auto second = std::get<qbwc::AuthenticateResponse>(idle_aware.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  CHECK(std::holds_alternative<qbwc::NoWork>(second.verdict));
  harness.clock.advance(std::chrono::seconds(601));
  const auto third = std::get<qbwc::AuthenticateResponse>(idle_aware.answer(qbwc::AuthenticateRequest{kUser, kPassword}));
  CHECK(std::holds_alternative<qbwc::Proceed>(third.verdict));
}
