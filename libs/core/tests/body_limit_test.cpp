// Every endpoint of every service is served by core::HttpServer, so its body limit holds for all.
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <thread>

#include "ml/core/http_server.hpp"

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;

/// An HttpServer on 127.0.0.1 with a 1 KiB body limit and a POST /echo route that counts its calls.
struct SmallServer {
  net::io_context io;
  ml::core::Logger log{"body-limit-test", nullptr};
  std::unique_ptr<ml::core::HttpServer> server;
  std::atomic<int> handled{0};
  std::thread thread;

  SmallServer() {
    ml::core::HttpServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.body_limit = 1024;
    options.io_timeout = 5s;
    server = std::make_unique<ml::core::HttpServer>(io, options, std::make_shared<prometheus::Registry>(), log);
    server->route(http::verb::post, "/echo", [this](const ml::core::HttpRequest& request) {
      ++handled;
      return ml::core::make_response(request, http::status::ok, request.body());
    });
    REQUIRE(!server->start());
    thread = std::thread([this] { io.run(); });
  }
  ~SmallServer() {
    server->stop();
    io.stop();
    thread.join();
  }

  http::status post(std::string body) {
    net::io_context client;
    beast::tcp_stream stream(client);
    stream.expires_after(5s);
    stream.connect({net::ip::make_address("127.0.0.1"), server->port()});
    http::request<http::string_body> request{http::verb::post, "/echo", 11};
    request.set(http::field::host, "127.0.0.1");
    request.body() = std::move(body);
    request.prepare_payload();
    beast::error_code ignored;
    http::write(stream, request, ignored);  // the server may answer and close before reading it all
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    return response.result();
  }
};

}  // namespace

TEST_CASE("a body within the limit reaches its handler") {
  SmallServer server;
  CHECK(server.post(std::string(1024, 'x')) == http::status::ok);
  CHECK(server.handled == 1);
}

TEST_CASE("a body over the limit is answered 413 and never reaches a handler") {
  SmallServer server;
  CHECK(server.post(std::string(1025, 'x')) == http::status::payload_too_large);
  CHECK(server.post(std::string(8 * 1024 * 1024, 'x')) == http::status::payload_too_large);
  CHECK(server.handled == 0);
}
