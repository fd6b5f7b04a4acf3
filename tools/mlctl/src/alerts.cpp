#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {

void alerts(const Context& context, bool open_only) {
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  const auto result = tx.exec_params(
      "SELECT alert_id, kind, severity, state, service, order_number, message, raised_at, resolved_at, resolved_by, "
      "resolution FROM reconciler.alerts WHERE NOT $1 OR state = 'open' ORDER BY raised_at, alert_id",
      open_only);
  print(Table::of(result), context.settings.format, context.out);
}

void resolve(const Context& context, const std::string& alert_id, const std::string& by, const std::string& note) {
  auto connection = connect(context);
  pqxx::work tx(connection);
  const auto found = tx.exec_params("SELECT state, coalesce(order_number, ''), kind FROM reconciler.alerts "
                                    "WHERE alert_id = $1 FOR UPDATE",
                                    alert_id);
  if (found.empty()) throw CommandError("no alert " + alert_id);
  if (found[0][0].as<std::string>() != "open") throw CommandError("alert " + alert_id + " is already resolved");
  tx.exec_params("UPDATE reconciler.alerts SET state = 'resolved', resolved_at = now(), resolved_by = $2, resolution = $3 "
                 "WHERE alert_id = $1",
                 alert_id, by, note);
  audit(tx, found[0][1].as<std::string>(), "alert.resolved",
        {{"alert_id", alert_id}, {"alert_kind", found[0][2].as<std::string>()}, {"by", by}, {"why", note}});
  tx.commit();
  print(Table{{"alert", "state", "resolved_by"}, {{alert_id, "resolved", by}}}, context.settings.format, context.out);
}

}  // namespace ml::mlctl
