// mlctl's changing commands: mappings and retry through the reconciler, resolving alerts, and
// the dead-letter queues.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <regex>

#include "ml/mlctl/management_api.hpp"
#include "populated_stack.hpp"

using mlctl_test::mlctl;
using mlctl_test::query_value;

namespace {

std::string state_of(const std::string& key) {
  return query_value("SELECT state FROM reconciler.orders WHERE posting_key = '" + key + "'");
}

std::vector<std::string> matches(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) found.push_back((*it)[1]);
  return found;
}

/// A QuickBooks name some posted order uses, e.g. "customer_full_name" or a line's item.
std::string posted_name(const std::string& json_path) {
  return query_value("SELECT last_request::jsonb #>> '" + json_path + "' FROM reconciler.orders "
                     "WHERE state = 'posted' ORDER BY posting_key LIMIT 1");
}

ml::mlctl::ManagementApi management() {
  const auto user_info = mlctl_test::rabbit_user_info();
  return {mlctl_test::stack().rabbit_management_url(), user_info.substr(0, user_info.find(':')),
          user_info.substr(user_info.find(':') + 1)};
}

std::string vhost_path() { return ml::mlctl::path_segment(mlctl_test::stack().vhost()); }

void publish_dead_letter(const std::string& dlq, const std::string& id, const std::string& reason) {
  management().call("POST", "/exchanges/" + vhost_path() + "/amq.default/publish",
                    R"({"routing_key":")" + dlq + R"(","properties":{"message_id":")" + id +
                        R"(","headers":{"x-ml-reject-reason":")" + reason +
                        R"("}},"payload":"{\"n\":1}","payload_encoding":"string"})");
}

std::size_t messages_in(const std::string& queue) {
  rapidjson::Document json;
  json.Parse(management()
                 .call("POST", "/queues/" + vhost_path() + "/" + queue + "/get",
                       R"({"count":1000,"ackmode":"ack_requeue_true","encoding":"auto"})")
                 .c_str());
  return json.Size();
}

/// A queue and its dead-letter queue of our own in the stack's virtual host: nothing consumes them.
void declare_probe_queues() {
  for (const char* queue : {"mlctl_probe", "mlctl_probe.dlq"})
    management().call("PUT", "/queues/" + vhost_path() + "/" + queue, R"({"durable":true})");
}

}  // namespace

TEST_CASE("map sku, then retry, posts an order that waited for an unknown item") {
  const auto key = query_value("SELECT posting_key FROM reconciler.orders WHERE state = 'needs_review' "
                               "AND reason LIKE '%has no mapping%' AND reason NOT LIKE '%customer%' ORDER BY 1 LIMIT 1");
  REQUIRE_FALSE(key.empty());
  const auto reason = query_value("SELECT reason FROM reconciler.orders WHERE posting_key = '" + key + "'");
  const auto item = posted_name("{transaction,lines,0,item_full_name}");
  for (const auto& sku : matches(reason, std::regex(R"(SKU (\S+) has no mapping)"))) {
    REQUIRE(mlctl({"map", "sku", sku, item}).status == 0);
    CHECK(query_value("SELECT item_full_name FROM reconciler.item_mappings WHERE sku = '" + sku + "'") == item);
  }
  const auto retried = mlctl({"retry", key});
  INFO(retried.err);
  REQUIRE(retried.status == 0);
  CHECK(retried.out.find(key) != std::string::npos);
  mlctl_test::settle();
  CHECK(state_of(key) == "posted");
}

TEST_CASE("map customer, then retry, posts an order that waited for an unknown customer") {
  const auto key = query_value("SELECT posting_key FROM reconciler.orders WHERE state = 'needs_review' "
                               "AND reason LIKE '%no QuickBooks customer matches%' AND reason NOT LIKE '%SKU%' "
                               "ORDER BY 1 LIMIT 1");
  REQUIRE_FALSE(key.empty());
  const auto reason = query_value("SELECT reason FROM reconciler.orders WHERE posting_key = '" + key + "'");
  const auto email = matches(reason, std::regex(R"(e-mail "([^"]+)\")"));
  REQUIRE(email.size() == 1);
  const auto customer = posted_name("{transaction,customer_full_name}");
  REQUIRE(mlctl({"map", "customer", email[0], customer}).status == 0);
  CHECK(query_value("SELECT customer_full_name FROM reconciler.customer_mappings WHERE match_by = 'email' "
                    "AND match_value = '" + email[0] + "'") == customer);
  REQUIRE(mlctl({"retry", key}).status == 0);
  mlctl_test::settle();
  CHECK(state_of(key) == "posted");
}

TEST_CASE("map customer by name stores a name rule") {
  REQUIRE(mlctl({"map", "customer", "name:Nobody In Particular", "Somebody"}).status == 0);
  CHECK(query_value("SELECT customer_full_name FROM reconciler.customer_mappings WHERE match_by = 'name' "
                    "AND match_value = 'Nobody In Particular'") == "Somebody");
}

TEST_CASE("retry --all-needs-review asks the reconciler about every order needing review") {
  const auto waiting = std::stoul(query_value("SELECT count(*) FROM reconciler.orders WHERE state = 'needs_review'"));
  REQUIRE(waiting > 0);
  const auto outcome = mlctl({"retry", "--all-needs-review", "--csv"});
  INFO(outcome.err);
  REQUIRE(outcome.status == 0);
  CHECK(static_cast<std::size_t>(std::ranges::count(outcome.out, '\n')) == waiting + 1);
  mlctl_test::settle();
}

TEST_CASE("retry of an order the reconciler does not know fails and says so") {
  const auto outcome = mlctl({"retry", "NO-SUCH-ORDER"});
  CHECK(outcome.status == 1);
  CHECK(outcome.err.find("the reconciler knows no order NO-SUCH-ORDER") != std::string::npos);
}

TEST_CASE("resolve marks an open alert resolved and records who and why in the audit log") {
  const auto id = query_value("SELECT alert_id FROM reconciler.alerts WHERE state = 'open' ORDER BY 1 LIMIT 1");
  REQUIRE_FALSE(id.empty());
  REQUIRE(mlctl({"resolve", id, "--by", "finance", "--note", "item added in QuickBooks"}).status == 0);
  CHECK(query_value("SELECT state || ' ' || resolved_by || ' ' || resolution FROM reconciler.alerts WHERE alert_id = '" +
                    id + "'") == "resolved finance item added in QuickBooks");
  CHECK(query_value("SELECT detail ->> 'by' FROM audit.events WHERE kind = 'alert.resolved' AND detail ->> 'alert_id' = '" +
                    id + "'") == "finance");
  const auto again = mlctl({"resolve", id});
  CHECK(again.status == 1);
  CHECK(again.err.find("already resolved") != std::string::npos);
}

TEST_CASE("resolve of an unknown alert fails and says so") {
  const auto outcome = mlctl({"resolve", "no-such-alert"});
  CHECK(outcome.status == 1);
  CHECK(outcome.err.find("no alert no-such-alert") != std::string::npos);
}

TEST_CASE("dlq list of a queue shows each dead letter with the reason it was rejected") {
  declare_probe_queues();
  publish_dead_letter("mlctl_probe.dlq", "listed-1", "invalid schema at /payload/items/0");
  const auto json = mlctl_test::json_of(mlctl({"dlq", "list", "mlctl_probe.dlq", "--json"}));
  REQUIRE(json.Size() == 1);
  CHECK(json[0]["message_id"].GetString() == std::string("listed-1"));
  CHECK(json[0]["reason"].GetString() == std::string("invalid schema at /payload/items/0"));
  CHECK(messages_in("mlctl_probe.dlq") == 1);  // listing takes nothing
  REQUIRE(mlctl({"dlq", "drop", "mlctl_probe.dlq"}).status == 0);
}

TEST_CASE("dlq replay moves every dead letter back to the queue it came from") {
  declare_probe_queues();
  publish_dead_letter("mlctl_probe.dlq", "replayed-1", "gave up after 5 attempts");
  publish_dead_letter("mlctl_probe.dlq", "replayed-2", "gave up after 5 attempts");
  const auto outcome = mlctl({"dlq", "replay", "mlctl_probe.dlq", "--csv"});
  INFO(outcome.err);
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out == "queue,replayed_to,messages\r\nmlctl_probe.dlq,mlctl_probe,2\r\n");
  CHECK(messages_in("mlctl_probe.dlq") == 0);
  CHECK(messages_in("mlctl_probe") == 2);
}

TEST_CASE("dlq drop deletes every dead letter of the queue") {
  declare_probe_queues();
  publish_dead_letter("mlctl_probe.dlq", "dropped-1", "unknown type");
  const auto outcome = mlctl({"dlq", "drop", "mlctl_probe.dlq", "--csv"});
  REQUIRE(outcome.status == 0);
  CHECK(outcome.out == "queue,dropped\r\nmlctl_probe.dlq,1\r\n");
  CHECK(messages_in("mlctl_probe.dlq") == 0);
}

TEST_CASE("dlq commands refuse a queue that is not a dead-letter queue") {
  const auto outcome = mlctl({"dlq", "drop", "reconciler.shipstation"});
  CHECK(outcome.status == 2);
  CHECK(outcome.err.find("'reconciler.shipstation' is not a dead-letter queue") != std::string::npos);
}
