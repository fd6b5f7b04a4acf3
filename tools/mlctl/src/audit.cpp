#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {

void audit_export(const Context& context, const std::string& from, const std::string& to) {
  checked_day(from, "--from");
  checked_day(to, "--to");
  if (to < from) throw UsageError("--to " + to + " is before --from " + from);
  auto connection = connect(context);
  pqxx::read_transaction tx(connection);
  print(Table::of(tx.exec_params(
            "SELECT id, occurred_at, order_number, service, kind, correlation_id, detail::text AS detail FROM audit.events "
            "WHERE occurred_at >= $1::date AND occurred_at < $2::date + 1 ORDER BY occurred_at, id",
            from, to)),
        context.settings.format, context.out);
}

}  // namespace ml::mlctl
