#include "ml/mlctl/commands.hpp"
#include "ml/mlctl/database.hpp"
#include "ml/mlctl/table.hpp"

namespace ml::mlctl {
namespace {

struct CustomerKey {
  std::string match_by, match_value;
};

CustomerKey customer_key(const std::string& key) {
  for (const char* prefix : {"email:", "name:"}) {
    const std::string p = prefix;
    if (key.starts_with(p)) return {p.substr(0, p.size() - 1), key.substr(p.size())};
  }
  return {key.find('@') == std::string::npos ? "name" : "email", key};
}

void record(pqxx::work& tx, const std::string& kind, const std::string& from, const std::string& to) {
  audit(tx, "", "mapping.changed", {{"kind", kind}, {"from", from}, {"to", to}});
}

void require_text(const std::string& text, const char* what) {
  if (text.empty()) throw UsageError(std::string(what) + " must not be empty");
}

}  // namespace

void map_sku(const Context& context, const std::string& sku, const std::string& item) {
  require_text(sku, "SKU");
  require_text(item, "ITEM");
  auto connection = connect(context);
  pqxx::work tx(connection);
  tx.exec_params("INSERT INTO reconciler.item_mappings (sku, item_full_name) VALUES ($1, $2) "
                 "ON CONFLICT (sku) DO UPDATE SET item_full_name = EXCLUDED.item_full_name",
                 sku, item);
  record(tx, "sku", sku, item);
  tx.commit();
  print(Table{{"sku", "item"}, {{sku, item}}}, context.settings.format, context.out);
}

void map_customer(const Context& context, const std::string& key, const std::string& customer) {
  const auto [match_by, match_value] = customer_key(key);
  require_text(match_value, "KEY");
  require_text(customer, "CUSTOMER");
  auto connection = connect(context);
  pqxx::work tx(connection);
  tx.exec_params("INSERT INTO reconciler.customer_mappings (match_by, match_value, customer_full_name) VALUES ($1, $2, $3) "
                 "ON CONFLICT (match_by, match_value) DO UPDATE SET customer_full_name = EXCLUDED.customer_full_name",
                 match_by, match_value, customer);
  record(tx, "customer " + match_by, match_value, customer);
  tx.commit();
  print(Table{{"match_by", "match_value", "customer"}, {{match_by, match_value, customer}}}, context.settings.format,
        context.out);
}

}  // namespace ml::mlctl
