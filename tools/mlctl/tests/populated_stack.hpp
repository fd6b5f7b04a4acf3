#pragma once
// The whole system on a generated merchant month of 150 orders (tools/merchant-demo), started
// once for every test case of the binary, and mlctl run in-process against it.
#include <string>
#include <vector>

#include <pqxx/pqxx>
#include <rapidjson/document.h>

#include "ml/merchant_demo/stack.hpp"
#include "ml/mlctl/commands.hpp"

namespace mlctl_test {

/// The settled stack (started on first use, stopped at exit).
ml::merchant_demo::MerchantStack& stack();
/// Waits until the stack is settled again after a change (fails the test otherwise).
void settle();

struct Outcome {
  int status = -1;
  std::string out, err;
};
/// mlctl with `arguments`, configured (as its environment would) for the stack.
Outcome mlctl(const std::vector<std::string>& arguments);
/// The JSON an mlctl run printed (fails the test when it failed or printed no valid JSON).
rapidjson::Document json_of(const Outcome& outcome);

/// The first column of the first row of `sql` on the stack's database, as text ("" when none).
std::string query_value(const std::string& sql);
/// The first column of every row of `sql`.
std::vector<std::string> query_column(const std::string& sql);

/// RabbitMQ's management API for the stack's virtual host: "user:password".
std::string rabbit_user_info();

}  // namespace mlctl_test
