#include "ml/reconciler/quickbooks_names.hpp"
#include "ml/reconciler/reconciler_store.hpp"

namespace ml::reconciler {
namespace {

using messages::LookupField;

std::optional<std::string> optional_text(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

std::string key_form(LookupField by, const std::string& value) {
  if (by == LookupField::email) return email_key(value);
  if (by == LookupField::full_name) return name_key(value).value_or(value);
  return value;
}

class SqlDirectory final : public QbDirectory {
 public:
  SqlDirectory(pqxx::work& tx, std::string customers, std::string items, std::string missing)
      : tx_(tx), customers_(std::move(customers)), items_(std::move(items)), missing_(std::move(missing)) {}

  Known<messages::QbCustomer> customer(LookupField by, const std::string& value) const override {
    const char* column = by == LookupField::email ? "email_key" : by == LookupField::full_name ? "name_key" : "list_id";
    auto rows = tx_.exec_params("SELECT list_id, full_name, email_key, is_active, time_modified FROM " + customers_ +
                                    " WHERE " + column + " = $1 ORDER BY is_active DESC, list_id LIMIT 1",
                                key_form(by, value));
    if (!rows.empty()) {
      const auto& r = rows[0];
      return {Knowledge::found, messages::QbCustomer{r[0].as<std::string>(), r[1].as<std::string>(), optional_text(r[2]),
                                                     r[3].as<bool>(), optional_text(r[4])}};
    }
    return {known_missing("customer", by, value) ? Knowledge::missing : Knowledge::unknown, std::nullopt};
  }

  Known<messages::QbItem> item(const std::string& full_name) const override {
    auto rows = tx_.exec_params("SELECT list_id, full_name, item_type, is_active, quantity_on_hand::text, time_modified FROM " +
                                    items_ + " WHERE name_key = $1 ORDER BY is_active DESC, list_id LIMIT 1",
                                key_form(LookupField::full_name, full_name));
    if (!rows.empty()) {
      const auto& r = rows[0];
      messages::QbItem item{r[0].as<std::string>(), r[1].as<std::string>(),
                            messages::enum_from_string<messages::QbItemType>(r[2].as<std::string>()).value_or(
                                messages::QbItemType::non_inventory),
                            r[3].as<bool>(), std::nullopt, optional_text(r[5])};
      if (!r[4].is_null()) item.quantity_on_hand = core::Decimal::from_string(r[4].as<std::string>());
      return {Knowledge::found, std::move(item)};
    }
    return {known_missing("item", LookupField::full_name, full_name) ? Knowledge::missing : Knowledge::unknown,
            std::nullopt};
  }

 private:
  bool known_missing(const char* kind, LookupField by, const std::string& value) const {
    return !tx_.exec_params("SELECT 1 FROM " + missing_ + " WHERE kind = $1 AND key_field = $2 AND key_value = $3", kind,
                            std::string(messages::to_string(by)), key_form(by, value))
                .empty();
  }

  pqxx::work& tx_;
  std::string customers_, items_, missing_;
};

}  // namespace

std::unique_ptr<QbDirectory> ReconcilerStore::directory(pqxx::work& tx) const {
  return std::make_unique<SqlDirectory>(tx, table("qb_customers"), table("qb_items"), table("qb_missing"));
}

void ReconcilerStore::remember(pqxx::work& tx, const messages::QbLookupCompleted& answer) const {
  for (const auto& c : answer.customers) {
    std::optional<std::string> email;
    if (c.email) email = email_key(*c.email);
    tx.exec_params("INSERT INTO " + table("qb_customers") +
                       " (list_id, full_name, name_key, email_key, is_active, time_modified) VALUES ($1, $2, $3, $4, $5, $6) "
                       "ON CONFLICT (list_id) DO UPDATE SET full_name = $2, name_key = $3, email_key = $4, is_active = $5, "
                       "time_modified = $6, refreshed_at = now()",
                   c.list_id, c.full_name, key_form(LookupField::full_name, c.full_name), email, c.is_active, c.time_modified);
    tx.exec_params("DELETE FROM " + table("qb_missing") +
                       " WHERE kind = 'customer' AND ((key_field = 'full_name' AND key_value = $1) OR "
                       "(key_field = 'email' AND key_value = $2))",
                   key_form(LookupField::full_name, c.full_name), email);
  }
  for (const auto& i : answer.items) {
    std::optional<std::string> on_hand;
    if (i.quantity_on_hand) on_hand = i.quantity_on_hand->to_string();
    tx.exec_params("INSERT INTO " + table("qb_items") +
                       " (list_id, full_name, name_key, item_type, is_active, quantity_on_hand, time_modified) "
                       "VALUES ($1, $2, $3, $4, $5, $6::numeric, $7) ON CONFLICT (list_id) DO UPDATE SET full_name = $2, "
                       "name_key = $3, item_type = $4, is_active = $5, quantity_on_hand = $6::numeric, time_modified = $7, "
                       "refreshed_at = now()",
                   i.list_id, i.full_name, key_form(LookupField::full_name, i.full_name),
                   std::string(messages::to_string(i.item_type)), i.is_active, on_hand, i.time_modified);
    tx.exec_params("DELETE FROM " + table("qb_missing") + " WHERE kind = 'item' AND key_field = 'full_name' AND key_value = $1",
                   key_form(LookupField::full_name, i.full_name));
  }
  const auto kind = answer.kind == messages::LookupKind::customer ? "customer" : "item";
  for (const auto& key : answer.missing)
    tx.exec_params("INSERT INTO " + table("qb_missing") + " (kind, key_field, key_value) VALUES ($1, $2, $3) "
                       "ON CONFLICT DO NOTHING",
                   kind, std::string(messages::to_string(key.by)), key_form(key.by, key.value));
}

void ReconcilerStore::forget_missing(pqxx::work& tx) const { tx.exec("DELETE FROM " + table("qb_missing")); }

Mappings ReconcilerStore::mappings(pqxx::work& tx) const {
  Mappings m;
  for (const auto& r : tx.exec("SELECT match_by, match_value, customer_full_name FROM " + table("customer_mappings"))) {
    const auto by = r[0].as<std::string>();
    const auto value = r[1].as<std::string>();
    if (by == "email") m.customer_by_email[email_key(value)] = r[2].as<std::string>();
    else m.customer_by_name[name_key(value).value_or(value)] = r[2].as<std::string>();
  }
  for (const auto& r : tx.exec("SELECT sku, item_full_name FROM " + table("item_mappings")))
    m.item_by_sku[r[0].as<std::string>()] = r[1].as<std::string>();
  for (const auto& r : tx.exec("SELECT store_id, customer_full_name FROM " + table("store_customers")))
    m.store_customer[r[0].as<std::int64_t>()] = r[1].as<std::string>();
  return m;
}

void ReconcilerStore::save_alert(pqxx::work& tx, const messages::AlertRaised& a) const {
  tx.exec_params("INSERT INTO " + table("alerts") +
                     " (alert_id, kind, severity, service, order_number, message, detail) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (alert_id) DO NOTHING",
                 a.alert_id, a.kind, std::string(messages::to_string(a.severity)), a.service, a.order_number, a.message,
                 a.detail.text);
}

std::size_t ReconcilerStore::resolve_alerts(pqxx::work& tx, const std::string& order_number,
                                            const std::vector<std::string>& kinds, const std::string& resolution) const {
  std::string list = "{";
  for (const auto& kind : kinds) list += (list.size() > 1 ? "," : "") + kind;
  list += "}";
  const auto result = tx.exec_params("UPDATE " + table("alerts") +
                                         " SET state = 'resolved', resolved_at = now(), resolution = $3 "
                                         "WHERE state = 'open' AND order_number = $1 AND kind = ANY($2::text[])",
                                     order_number, list, resolution);
  return static_cast<std::size_t>(result.affected_rows());
}

}  // namespace ml::reconciler
