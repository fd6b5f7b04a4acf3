#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {
namespace {

/// Per posting key shipped in ShipStation (a live part with a shipment that is not voided): its
/// ship day (earliest ship date) and amount (lines + shipping + tax of its live parts); and per key
/// posted in QuickBooks: its last request's TxnDate and line total.
constexpr const char* kFigures = R"sql(
WITH live_parts AS (
  SELECT * FROM reconciler.order_parts
  WHERE payload::jsonb ->> 'order_status' NOT IN ('cancelled', 'rejected_fulfillment')),
shipped AS (
  SELECT p.posting_key, min((s.payload::jsonb ->> 'ship_date')::date) AS day
  FROM live_parts p JOIN reconciler.shipments s ON s.order_id = p.order_id AND NOT s.voided
  GROUP BY p.posting_key),
shipped_amounts AS (
  SELECT posting_key, sum(coalesce((SELECT sum((i ->> 'quantity')::numeric * (i ->> 'unit_price')::numeric)
                                    FROM jsonb_array_elements(payload::jsonb -> 'items') i), 0)
                          + coalesce((payload::jsonb ->> 'shipping_amount')::numeric, 0)
                          + coalesce((payload::jsonb ->> 'tax_amount')::numeric, 0)) AS amount
  FROM live_parts GROUP BY posting_key),
posted AS (
  SELECT posting_key, (t ->> 'txn_date')::date AS day,
         (SELECT coalesce(sum((l ->> 'amount')::numeric), 0) FROM jsonb_array_elements(t -> 'lines') l) AS amount
  FROM (SELECT posting_key, last_request::jsonb -> 'transaction' AS t FROM reconciler.orders
        WHERE state = 'posted' AND last_request IS NOT NULL) r
  WHERE jsonb_typeof(t) = 'object')
)sql";

std::string days_query() {
  return std::string(kFigures) + R"sql(
SELECT d::date::text AS day,
       (SELECT count(*) FROM shipped s WHERE s.day = d) AS shipped,
       (SELECT round(coalesce(sum(a.amount), 0), 2) FROM shipped s JOIN shipped_amounts a USING (posting_key)
        WHERE s.day = d) AS shipped_amount,
       (SELECT count(*) FROM posted p WHERE p.day = d) AS posted,
       (SELECT round(coalesce(sum(p.amount), 0), 2) FROM posted p WHERE p.day = d) AS posted_amount,
       (SELECT count(*) FROM shipped s JOIN reconciler.orders o USING (posting_key)
        WHERE s.day = d AND o.state <> 'posted') AS not_posted
FROM generate_series($1::date, $2::date, interval '1 day') d
)sql";
}

std::string totals_query() {
  return "WITH days AS (" + days_query() + ") SELECT 'total' AS period, sum(shipped) AS shipped, "
         "round(sum(shipped_amount), 2) AS shipped_amount, sum(posted) AS posted, round(sum(posted_amount), 2) AS posted_amount, "
         "sum(not_posted) AS not_posted FROM days";
}

std::string failures_query() {
  return std::string(kFigures) + R"sql(
SELECT s.day::text AS ship_day, o.posting_key, o.state, round(a.amount, 2) AS amount,
       CASE WHEN o.reason <> '' THEN o.reason ELSE 'waiting: ' || o.state END AS reason
FROM shipped s JOIN reconciler.orders o USING (posting_key) JOIN shipped_amounts a USING (posting_key)
WHERE s.day BETWEEN $1::date AND $2::date AND o.state <> 'posted'
ORDER BY s.day, o.posting_key
)sql";
}

}  // namespace

void report(const Context& context, const std::string& from, const std::string& to) {
  checked_day(from, "--from");
  checked_day(to, "--to");
  if (to < from) throw UsageError("--to " + to + " is before --from " + from);
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  print({{"days", Table::of(tx.exec_params(days_query(), from, to))},
         {"totals", Table::of(tx.exec_params(totals_query(), from, to))},
         {"shipped but not posted", Table::of(tx.exec_params(failures_query(), from, to))}},
        context.settings.format, context.out);
}

}  // namespace ml::mlctl
