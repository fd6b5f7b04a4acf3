// QBWC round trips per 1,000 postings, and the gateway's SOAP calls per second.
//
//   quickbooks_bench                        both figures
//   quickbooks_bench "round trips*"         only one of them (Catch test-name filter)
//
// Runs on the e2e harness of tests/quickbooks_e2e (qbwc-gateway and qbxml-writer as processes on
// real PostgreSQL and RabbitMQ, the simulated Web Connector and company), so it takes the same
// ML_TEST_PG_URL / ML_TEST_AMQP_URL as the tests. It prints figures and never fails on timing.
// ML_BENCH_POSTINGS (1000), ML_BENCH_CONNECTIONS (8) and ML_BENCH_SECONDS (5) change the load.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "ml/qbwc_sim/seed.hpp"
#include "order_postings.hpp"
#include "quickbooks_side.hpp"

namespace {

using namespace ml;
using namespace ml::quickbooks_e2e;
using namespace std::chrono_literals;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

std::size_t setting(const char* variable, std::size_t fallback) {
  const char* text = std::getenv(variable);
  return text ? static_cast<std::size_t>(std::strtoul(text, nullptr, 10)) : fallback;
}

std::string envelope(std::string_view body) {
  return R"(<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>)" +
         std::string(body) + "</soap:Body></soap:Envelope>";
}

/// The calls of the load: one without and one with a database transaction (with nothing queued
/// and idle sessions off, authenticate checks the password and the queue and answers "none").
struct SoapCall {
  std::string name;
  std::string method;
  std::string body;
};

std::vector<SoapCall> calls() {
  const std::string ns = R"( xmlns="http://developer.intuit.com/")";
  return {{"serverVersion (no database)", "serverVersion", envelope("<serverVersion" + ns + "/>")},
          {"authenticate (password check, queue check, answers none)", "authenticate",
           envelope("<authenticate" + ns + "><strUserName>" + kWebConnectorUser + "</strUserName><strPassword>" +
                    kWebConnectorPassword + "</strPassword></authenticate>")}};
}

/// Keep-alive connections each posting `call` back to back for `duration`; answers that are not
/// 200 are counted apart.
struct LoadResult {
  std::size_t ok = 0;
  std::size_t failed = 0;
};

LoadResult load(unsigned short port, const SoapCall& call, std::size_t connections, std::chrono::seconds duration) {
  std::atomic<std::size_t> ok = 0, failed = 0;
  const auto until = std::chrono::steady_clock::now() + duration;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < connections; ++i)
    threads.emplace_back([&] {
      boost::asio::io_context io;
      beast::tcp_stream stream(io);
      beast::error_code ec;
      stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port), ec);
      http::request<http::string_body> request{http::verb::post, "/qbwc", 11};
      request.set(http::field::host, "127.0.0.1");
      request.set(http::field::content_type, "text/xml; charset=utf-8");
      request.set("SOAPAction", "\"http://developer.intuit.com/" + call.method + "\"");
      request.body() = call.body;
      request.prepare_payload();
      beast::flat_buffer buffer;
      while (!ec && std::chrono::steady_clock::now() < until) {
        stream.expires_after(10s);
        http::write(stream, request, ec);
        http::response<http::string_body> response;
        if (!ec) http::read(stream, buffer, response, ec);
        (!ec && response.result() == http::status::ok ? ok : failed)++;
      }
    });
  for (auto& thread : threads) thread.join();
  return {ok, failed};
}

unsigned short port_of(const std::string& url) {
  const auto colon = url.rfind(':');
  return static_cast<unsigned short>(std::stoi(url.substr(colon + 1)));
}

}  // namespace

TEST_CASE("round trips per 1,000 postings", "[bench]") {
  const auto count = setting("ML_BENCH_POSTINGS", 1000);
  QuickBooksSide side;
  auto company = qbwc_sim::small_company();
  core::Logger log("quickbooks", nullptr);
  log.set_level(core::LogLevel::warn);
  qbwc_sim::QuickBooksDesktop quickbooks(company, desktop_options({}), log);

  std::vector<std::string> keys;
  for (std::size_t n = 0; n < count; ++n) {
    keys.push_back(run_tag() + "bench-" + std::to_string(n));
    side.publish(order_posting(keys.back(), n));
  }
  const auto report = side.drive(quickbooks, {}, [&] { return side.outcomes.completed_count(keys, 1) == keys.size(); }, 600s);
  std::cout << "postings: " << count << " (" << side.outcomes.completed_count(keys, 1) << " completed)\n"
            << "QBWC sessions: " << report.sessions << "\n"
            << "round trips with a request set: " << report.request_sets << "\n"
            << "round trips per 1,000 postings: " << report.request_sets * 1000.0 / static_cast<double>(count)
            << " (aim: 40 or fewer)\n"
            << "wall time: " << report.elapsed.count() / 1000.0 << " s" << std::endl;
  side.stop_services();
}

TEST_CASE("gateway SOAP calls per second", "[bench]") {
  const auto connections = setting("ML_BENCH_CONNECTIONS", 8);
  const std::chrono::seconds duration(setting("ML_BENCH_SECONDS", 5));
  // Idle sessions off: a flood of logins must not open sessions (each would make the writer queue
  // its modified-since queries, work that later runs would then drain).
  QuickBooksSide side(Environment{{"ML_QBWC_IDLE_SESSION_EVERY", "0"}});
  const auto port = port_of(side.gateway_url().substr(0, side.gateway_url().rfind('/')));
  for (const auto& call : calls()) {
    const auto result = load(port, call, connections, duration);
    std::cout << call.name << ": " << static_cast<double>(result.ok) / static_cast<double>(duration.count())
              << " calls/s over " << connections << " keep-alive connections (" << result.failed << " failed)"
              << std::endl;
  }
  side.stop_services();
}
