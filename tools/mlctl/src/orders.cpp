#include <algorithm>
#include <array>
#include <string_view>

#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/management_api.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {
namespace {

constexpr std::size_t kDetailWidth = 140;
constexpr std::array<std::string_view, 12> kStates{"received", "validating", "needs_review", "valid",    "posting", "posted",
                                                   "updating", "voiding",    "voided",       "in_doubt", "failed",  "cancelled"};

const char* order_rows_query() {
  return "SELECT posting_key, state, reason, txn_id, revision, updated_at FROM reconciler.orders "
         "WHERE posting_key = ANY($1::text[]) ORDER BY posting_key";
}

/// Sends one order to the reconciler's POST /revalidate; the reply's posting keys as text.
std::string revalidate(const Context& context, const std::string& number) {
  const auto endpoint = HttpEndpoint::parse(context.required(&Settings::reconciler_url, "--reconciler", "ML_RECONCILER_URL"));
  const auto reply = http_request(endpoint, "POST", "/revalidate", number, {}, "text/plain");
  if (reply.status == 404) throw CommandError("the reconciler knows no order " + number);
  if (reply.status != 200)
    throw CommandError("the reconciler answered " + std::to_string(reply.status) + " to retry " + number + ": " + reply.body);
  return reply.body;
}

}  // namespace

void orders(const Context& context, const std::optional<std::string>& state, const std::optional<std::string>& since) {
  if (state && std::ranges::find(kStates, *state) == kStates.end()) {
    std::string known;
    for (const auto& s : kStates) known += (known.empty() ? "" : ", ") + std::string(s);
    throw UsageError("--state " + *state + " is not an order state (" + known + ")");
  }
  if (since) checked_day(*since, "--since");
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  const auto result = tx.exec_params(
      "SELECT o.posting_key, o.state, o.reason, o.txn_id, o.updated_at, "
      "(SELECT string_agg(DISTINCT p.order_number, ' ') FROM reconciler.order_parts p "
      "WHERE p.posting_key = o.posting_key) AS order_numbers FROM reconciler.orders o "
      "WHERE ($1::text IS NULL OR o.state = $1) AND ($2::date IS NULL OR o.updated_at >= $2::date) "
      "ORDER BY o.posting_key",
      state, since);
  print(Table::of(result), context.settings.format, context.out);
}

void order_timeline(const Context& context, const std::string& number) {
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  const auto keys = posting_keys_of(tx, number);
  auto timeline = Table::of(tx.exec_params(
      "SELECT occurred_at, service, kind, order_number, detail::text AS detail FROM audit.events "
      "WHERE order_number = ANY($1::text[]) OR order_number = $2 ORDER BY occurred_at, id",
      text_array(keys), number));
  if (context.settings.format == Format::table)
    for (auto& row : timeline.rows)
      if (row.back().size() > kDetailWidth) row.back() = row.back().substr(0, kDetailWidth) + "…";
  print({{"order", Table::of(tx.exec_params(order_rows_query(), text_array(keys)))}, {"timeline", std::move(timeline)}},
        context.settings.format, context.out);
}

void retry(const Context& context, const std::string& number) {
  Table table{{"order", "reconciler_answer"}, {{number, revalidate(context, number)}}};
  print(table, context.settings.format, context.out);
}

void retry_all_needs_review(const Context& context) {
  std::vector<std::string> keys;
  {
    auto connection = connect(context);
    pqxx::read_transaction tx(connection);
    for (const auto& row : tx.exec("SELECT posting_key FROM reconciler.orders WHERE state = 'needs_review' ORDER BY 1"))
      keys.push_back(row[0].as<std::string>());
  }
  Table table{{"order", "reconciler_answer"}, {}};
  for (const auto& key : keys) table.rows.push_back({key, revalidate(context, key)});
  print(table, context.settings.format, context.out);
}

}  // namespace ml::mlctl
