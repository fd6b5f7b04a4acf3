#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "ml/testing/environment.hpp"

extern char** environ;

namespace {

namespace http = boost::beast::http;

struct Example {
  pid_t pid = -1;
  FILE* out = nullptr;
  int port = 0;
};

std::string read_line(FILE* out) {
  char buffer[4096];
  return std::fgets(buffer, sizeof buffer, out) ? std::string(buffer) : std::string();
}

Example start_example() {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  const std::string binary = (ml::testing::binary_dir() / "libs/core/ml-core-example").string();
  setenv("ML_HTTP_PORT", "0", 1);
  char* argv[] = {const_cast<char*>(binary.c_str()), nullptr};
  Example example;
  REQUIRE(posix_spawn(&example.pid, binary.c_str(), &actions, nullptr, argv, environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  example.out = fdopen(fds[0], "r");
  auto line = read_line(example.out);
  auto at = line.find("\"port\":");
  REQUIRE(at != std::string::npos);
  example.port = std::stoi(line.substr(at + 7));
  return example;
}

http::response<http::string_body> get(int port, const std::string& target) {
  boost::asio::io_context io;
  boost::beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                static_cast<unsigned short>(port)));
  http::request<http::empty_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "127.0.0.1");
  http::write(stream, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  return response;
}

int wait_exit(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("a service serves Prometheus text on /metrics and exits 0 on SIGTERM") {
  auto example = start_example();
  CHECK(get(example.port, "/hello").result() == http::status::ok);
  auto health = get(example.port, "/healthz");
  CHECK(health.result() == http::status::ok);
  CHECK(get(example.port, "/readyz").result() == http::status::ok);
  auto metrics = get(example.port, "/metrics");
  CHECK(metrics.result() == http::status::ok);
  CHECK(std::string(metrics[http::field::content_type]).starts_with("text/plain; version=0.0.4"));
  CHECK(metrics.body().find("# TYPE ml_example_hellos_total counter") != std::string::npos);
  CHECK(metrics.body().find("ml_example_hellos_total 1") != std::string::npos);
  CHECK(metrics.body().find("ml_http_requests_total{") != std::string::npos);

  REQUIRE(kill(example.pid, SIGTERM) == 0);
  CHECK(wait_exit(example.pid) == 0);
  std::string rest;
  for (auto line = read_line(example.out); !line.empty(); line = read_line(example.out)) rest += line;
  CHECK(rest.find("\"msg\":\"stop signal received\"") != std::string::npos);
  CHECK(rest.find("\"msg\":\"stopped\"") != std::string::npos);
  fclose(example.out);
}

TEST_CASE("unknown paths get 404 and wrong methods get 405") {
  auto example = start_example();
  CHECK(get(example.port, "/nope").result() == http::status::not_found);
  boost::asio::io_context io;
  boost::beast::tcp_stream stream(io);
  stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                static_cast<unsigned short>(example.port)));
  http::request<http::string_body> post{http::verb::post, "/healthz", 11};
  post.set(http::field::host, "127.0.0.1");
  post.body() = "x";
  post.prepare_payload();
  http::write(stream, post);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  CHECK(response.result() == http::status::method_not_allowed);
  stream.close();
  kill(example.pid, SIGTERM);
  CHECK(wait_exit(example.pid) == 0);
  fclose(example.out);
}

TEST_CASE("a bad configuration value stops start-up with exit code 2 and names the key") {
  setenv("ML_HTTP_PORT", "70000", 1);
  const std::string binary = (ml::testing::binary_dir() / "libs/core/ml-core-example").string();
  const std::string command = binary + " 2>&1";
  FILE* out = popen(command.c_str(), "r");
  REQUIRE(out);
  std::string text;
  for (auto line = read_line(out); !line.empty(); line = read_line(out)) text += line;
  int status = pclose(out);
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(text.find("ML_HTTP_PORT: 70000 is outside 0..65535") != std::string::npos);
  unsetenv("ML_HTTP_PORT");
}
