#include "populated_stack.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "ml/merchant_demo/test_stack_options.hpp"
#include "ml/testing/environment.hpp"

namespace mlctl_test {
namespace {

ml::merchant_demo::StackOptions options() { return ml::merchant_demo::test_stack_options("mlctl_test", 5, 150); }

}  // namespace

std::string rabbit_user_info() {
  const auto url = ml::testing::amqp_url();  // amqp://user:password@host:port/vhost
  const auto start = url.find("://") + 3;
  return url.substr(start, url.find('@') - start);
}

ml::merchant_demo::MerchantStack& stack() {
  static const std::unique_ptr<ml::merchant_demo::MerchantStack> instance = [] {
    auto s = std::make_unique<ml::merchant_demo::MerchantStack>(options());
    if (!s->wait_settled(std::chrono::minutes(8), [](const auto& p) { std::cout << "  " << p.line() << "\n"; }))
      throw ml::merchant_demo::StackError("the merchant month did not settle in 8 minutes");
    return s;
  }();
  return *instance;
}

void settle() { REQUIRE(stack().wait_settled(std::chrono::minutes(3))); }

Outcome mlctl(const std::vector<std::string>& arguments) {
  auto& s = stack();
  const auto user_info = rabbit_user_info();
  const std::map<std::string, std::string> environment{
      {"ML_PG_URL", s.database_url()},
      {"ML_RABBIT_MGMT_URL", s.rabbit_management_url()},
      {"ML_RABBIT_USER", user_info.substr(0, user_info.find(':'))},
      {"ML_RABBIT_PASSWORD", user_info.substr(user_info.find(':') + 1)},
      {"ML_RABBIT_VHOST", s.vhost()},
      {"ML_RECONCILER_URL", "http://127.0.0.1:" + std::to_string(s.reconciler_port())}};
  std::ostringstream out, err;
  const int status = ml::mlctl::run(arguments, out, err, [&](const std::string& name) -> std::optional<std::string> {
    const auto it = environment.find(name);
    return it == environment.end() ? std::nullopt : std::optional(it->second);
  });
  return {status, out.str(), err.str()};
}

rapidjson::Document json_of(const Outcome& outcome) {
  INFO(outcome.err);
  REQUIRE(outcome.status == 0);
  rapidjson::Document json;
  json.Parse(outcome.out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

std::vector<std::string> query_column(const std::string& sql) {
  pqxx::connection connection(stack().database_url());
  pqxx::read_transaction tx(connection);
  std::vector<std::string> values;
  for (const auto& row : tx.exec(sql)) values.push_back(row[0].is_null() ? "" : row[0].c_str());
  return values;
}

std::string query_value(const std::string& sql) {
  const auto values = query_column(sql);
  return values.empty() ? "" : values.front();
}

}  // namespace mlctl_test
