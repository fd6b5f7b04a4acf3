// The operator console's HTTP side (docs/console.md) on a real PostgreSQL schema: who gets in,
// what the page is served with, and what the read model answers. The browser test is tests/console.
#include <catch2/catch.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <prometheus/registry.h>

#include <pqxx/pqxx>

#include <thread>

#include "ml/core/clock.hpp"
#include "ml/core/ids.hpp"
#include "ml/reconciler/console.hpp"
#include "ml/store/migrations.hpp"
#include "ml/testing/environment.hpp"

namespace {

using namespace ml;
namespace http = core::http;
constexpr const char* kToken = "a-console-token-for-tests";

reconciler::ReconcilerOptions reconciler_options(const std::string& schema) {
  reconciler::ReconcilerOptions options;
  options.schema = schema;
  return options;
}

core::HttpServerOptions local_any_port() {
  core::HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  return options;
}

class ConsoleRig {
 public:
  ConsoleRig()
      : schema("rc_console_" + core::new_uuid().substr(0, 8)),
        pool(ml::testing::pg_url(), 2),
        reconciler(reconciler_options(schema), clock_),
        log_("console-tests"),
        server_(io_, local_any_port(), std::make_shared<prometheus::Registry>(), log_) {
    {
      auto lease = pool.acquire();
      store::prepare_service_schema(*lease, schema, reconciler::reconciler_migrations());
    }
    reconciler::add_console_routes(server_, pool, reconciler, {.token = kToken, .rabbit_ui_url = "http://rabbit.example/", .schema = schema}, {});
    REQUIRE_FALSE(server_.start());
    thread_ = std::thread([this] { io_.run(); });
  }
  ~ConsoleRig() {
    server_.stop();
    io_.stop();
    thread_.join();
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec0("DROP SCHEMA IF EXISTS " + tx.quote_name(schema) + " CASCADE");
    tx.commit();
  }

  core::HttpResponse send(http::verb method, const std::string& target, const std::string& body = {},
                          const std::vector<std::pair<http::field, std::string>>& headers = {}) {
    boost::asio::io_context io;
    boost::beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), server_.port()});
    core::HttpRequest request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    boost::beast::flat_buffer buffer;
    core::HttpResponse response;
    http::read(stream, buffer, response);
    return response;
  }

  /// The cookie header a browser sends after logging in.
  std::string session_cookie() {
    const auto answer = send(http::verb::post, "/console/login", kToken);
    REQUIRE(answer.result() == http::status::no_content);
    const std::string set_cookie(answer[http::field::set_cookie]);
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  core::HttpResponse get(const std::string& target) {
    return send(http::verb::get, target, {}, {{http::field::authorization, std::string("Bearer ") + kToken}});
  }
  core::HttpResponse post(const std::string& target, const std::string& form) {
    return send(http::verb::post, target, form, {{http::field::authorization, std::string("Bearer ") + kToken}});
  }

  void exec(const std::string& sql) {
    auto lease = pool.acquire();
    pqxx::work tx(*lease);
    tx.exec0("SET LOCAL search_path TO " + tx.quote_name(schema));
    tx.exec0(sql);
    tx.commit();
  }

  std::string schema;
  store::ConnectionPool pool;
  core::SystemClock clock_;
  reconciler::Reconciler reconciler;

 private:
  core::Logger log_;
  boost::asio::io_context io_;
  core::HttpServer server_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("the console API refuses callers without the token") {
  ConsoleRig rig;
  CHECK(rig.send(http::verb::get, "/console/api/summary").result() == http::status::unauthorized);
  CHECK(rig.send(http::verb::get, "/console/api/summary", {}, {{http::field::authorization, "Bearer wrong-token"}})
            .result() == http::status::unauthorized);
  CHECK(rig.send(http::verb::get, "/console/api/summary", {}, {{http::field::cookie, "ml_console_session=forged"}})
            .result() == http::status::unauthorized);
  CHECK(rig.send(http::verb::post, "/console/login", "wrong-token").result() == http::status::unauthorized);
}

TEST_CASE("logging in sets an HttpOnly session cookie that opens the API and does not contain the token") {
  ConsoleRig rig;
  const auto answer = rig.send(http::verb::post, "/console/login", kToken);
  REQUIRE(answer.result() == http::status::no_content);
  const std::string set_cookie(answer[http::field::set_cookie]);
  CHECK(set_cookie.find("HttpOnly") != std::string::npos);
  CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(set_cookie.find(kToken) == std::string::npos);
  const auto session = rig.send(http::verb::get, "/console/api/session", {}, {{http::field::cookie, rig.session_cookie()}});
  CHECK(session.result() == http::status::ok);
  CHECK(session.body() == R"({"rabbit_ui_url":"http://rabbit.example/"})");
}

TEST_CASE("the page and its files are served from the binary with a content security policy") {
  ConsoleRig rig;
  const auto page = rig.send(http::verb::get, "/console");
  CHECK(page.result() == http::status::ok);
  CHECK(std::string(page[http::field::content_type]).starts_with("text/html"));
  CHECK(std::string(page["Content-Security-Policy"]).starts_with("default-src 'self'"));
  CHECK(page.body().find("/console/console.js") != std::string::npos);
  CHECK(rig.send(http::verb::get, "/console/console.js").result() == http::status::ok);
  CHECK(rig.send(http::verb::get, "/console/console.css").result() == http::status::ok);
  CHECK(rig.send(http::verb::get, "/console/missing.js").result() == http::status::not_found);
}

TEST_CASE("the orders call lists the orders needing attention with their reason") {
  ConsoleRig rig;
  rig.exec("INSERT INTO orders (posting_key, state, reason) VALUES "
           "('1001', 'needs_review', 'Order 1001: no active QuickBooks item is named \"NEW-1\"'), "
           "('1002', 'posted', ''), ('1003', 'failed', 'QuickBooks refused the add')");
  const auto problems = rig.get("/console/api/orders");
  REQUIRE(problems.result() == http::status::ok);
  CHECK(problems.body().find(R"("posting_key":"1001")") != std::string::npos);
  CHECK(problems.body().find("NEW-1") != std::string::npos);
  CHECK(problems.body().find(R"("posting_key":"1003")") != std::string::npos);
  CHECK(problems.body().find(R"("posting_key":"1002")") == std::string::npos);
  CHECK(rig.get("/console/api/orders?state=posted").body().find(R"("posting_key":"1002")") != std::string::npos);
}

TEST_CASE("retrying an unknown order answers 404 and naming none answers 400") {
  ConsoleRig rig;
  CHECK(rig.post("/console/api/retry", "order=nope").result() == http::status::not_found);
  CHECK(rig.post("/console/api/retry", "").result() == http::status::bad_request);
}

TEST_CASE("resolving an alert records who resolved it and why, once") {
  ConsoleRig rig;
  const auto id = core::new_uuid();
  rig.exec("INSERT INTO alerts (alert_id, kind, severity, service, order_number, message, detail) VALUES ('" + id +
           "', 'unknown_item', 'warning', 'reconciler', '1001', 'no item', '{}')");
  CHECK(rig.post("/console/api/resolve", "alert_id=" + id + "&by=Ann&why=added+the+item").result() == http::status::ok);
  CHECK(rig.post("/console/api/resolve", "alert_id=" + id + "&by=Ann&why=again").result() == http::status::not_found);
  CHECK(rig.post("/console/api/resolve", "alert_id=" + id).result() == http::status::bad_request);
  const auto all = rig.get("/console/api/alerts?open=0").body();
  CHECK(all.find(R"("resolved_by":"Ann")") != std::string::npos);
  CHECK(all.find(R"("resolution":"added the item")") != std::string::npos);
  CHECK(rig.get("/console/api/alerts").body() == "[]");
}

TEST_CASE("the month-end report needs a date range") {
  ConsoleRig rig;
  CHECK(rig.get("/console/api/report?from=2026-03-01").result() == http::status::bad_request);
  CHECK(rig.get("/console/api/report?from=March&to=2026-03-31").result() == http::status::bad_request);
  const auto report = rig.get("/console/api/report?from=2026-03-01&to=2026-03-02");
  REQUIRE(report.result() == http::status::ok);
  CHECK(report.body().find(R"("day":"2026-03-02","shipped":0,"shipped_amount":"0.00")") != std::string::npos);
}
