// The mlctl program itself: exit statuses and messages as a shell sees them.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "populated_stack.hpp"

namespace {

struct Result {
  int status = -1;
  std::string output;  ///< standard output and error
};

Result run_mlctl(const std::string& environment, const std::string& arguments) {
  const std::string command = environment + " " + std::getenv("ML_BINARY_DIR") + "/tools/mlctl/mlctl " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  Result result;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace

TEST_CASE("the mlctl program exits 2 with the usage on an unknown command") {
  const auto result = run_mlctl("", "frobnicate");
  CHECK(result.status == 2);
  CHECK(result.output.find("mlctl: unknown command 'frobnicate'") != std::string::npos);
  CHECK(result.output.find("usage: mlctl") != std::string::npos);
}

TEST_CASE("the mlctl program prints the usage and exits 0 on --help") {
  const auto result = run_mlctl("", "--help");
  CHECK(result.status == 0);
  CHECK(result.output.starts_with("usage: mlctl"));
}

TEST_CASE("the mlctl program exits 2 naming the arguments a command expects") {
  const auto result = run_mlctl("", "map sku ONLY-SKU");
  CHECK(result.status == 2);
  CHECK(result.output.find("mlctl: expected: map sku SKU ITEM") != std::string::npos);
}

TEST_CASE("the mlctl program exits 1 saying why when PostgreSQL cannot be reached") {
  const auto result = run_mlctl("ML_PG_URL=postgresql://nobody@127.0.0.1:1/none", "orders");
  CHECK(result.status == 1);
  CHECK(result.output.find("mlctl: cannot reach PostgreSQL") != std::string::npos);
}

TEST_CASE("the mlctl program exits 1 naming the setting a command lacks") {
  const auto result = run_mlctl("ML_RECONCILER_URL=", "retry 100");
  CHECK(result.status == 1);
  CHECK(result.output.find("this command needs --reconciler URL (or ML_RECONCILER_URL)") != std::string::npos);
}

TEST_CASE("the mlctl program prints orders by state as CSV, configured through its environment") {
  const auto& url = mlctl_test::stack().database_url();
  const auto result = run_mlctl("ML_PG_URL='" + url + "'", "orders --state posted --csv");
  REQUIRE(result.status == 0);
  CHECK(result.output.starts_with("posting_key,state,reason,txn_id,updated_at,order_numbers\r\n"));
  CHECK(static_cast<std::size_t>(std::ranges::count(result.output, '\n')) ==
        std::stoul(mlctl_test::query_value("SELECT count(*) FROM reconciler.orders WHERE state = 'posted'")) + 1);
}
