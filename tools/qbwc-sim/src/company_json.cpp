#include "ml/qbwc_sim/company_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ml::qbwc_sim {
namespace {

using core::Decimal;
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
using Value = rapidjson::Value;

// ---- writing ----
void put(Writer& w, const char* key, const std::string& value) { w.Key(key); w.String(value.c_str()); }
void put(Writer& w, const char* key, bool value) { w.Key(key); w.Bool(value); }
void put(Writer& w, const char* key, std::int64_t value) { w.Key(key); w.Int64(value); }
void put(Writer& w, const char* key, const Decimal& value) { put(w, key, value.to_string()); }
void put_opt(Writer& w, const char* key, const std::optional<Decimal>& value) {
  if (value) put(w, key, *value);
}
void put(Writer& w, const char* key, const Ref& ref) {
  w.Key(key);
  w.StartObject();
  put(w, "list_id", ref.list_id);
  put(w, "full_name", ref.full_name);
  w.EndObject();
}
void put(Writer& w, const char* key, const Address& a) {
  w.Key(key);
  w.StartObject();
  put(w, "addr1", a.addr1); put(w, "addr2", a.addr2); put(w, "addr3", a.addr3); put(w, "city", a.city);
  put(w, "state", a.state); put(w, "postal_code", a.postal_code); put(w, "country", a.country);
  w.EndObject();
}
void put_head(Writer& w, const std::string& id_key, const std::string& id, const Stamp& s) {
  put(w, id_key.c_str(), id);
  put(w, "created", core::format_rfc3339(s.created));
  put(w, "modified", core::format_rfc3339(s.modified));
  put(w, "edit_sequence", s.edit_sequence);
}

template <class T, class F>
void put_array(Writer& w, const char* key, const std::vector<T>& list, F each) {
  w.Key(key);
  w.StartArray();
  for (const auto& x : list) {
    w.StartObject();
    each(x);
    w.EndObject();
  }
  w.EndArray();
}

// ---- reading ----
struct Reader {
  std::string path;
  const Value& at(const Value& obj, const char* key) const {
    if (!obj.IsObject() || !obj.HasMember(key)) throw std::runtime_error(path + "." + key + ": missing");
    return obj[key];
  }
  std::string str(const Value& obj, const char* key) const {
    const Value& v = at(obj, key);
    if (!v.IsString()) throw std::runtime_error(path + "." + key + ": not a string");
    return v.GetString();
  }
  std::string str_or(const Value& obj, const char* key) const { return obj.HasMember(key) ? str(obj, key) : ""; }
  bool flag(const Value& obj, const char* key) const {
    const Value& v = at(obj, key);
    if (!v.IsBool()) throw std::runtime_error(path + "." + key + ": not true/false");
    return v.GetBool();
  }
  std::int64_t integer(const Value& obj, const char* key) const {
    const Value& v = at(obj, key);
    if (!v.IsInt64()) throw std::runtime_error(path + "." + key + ": not an integer");
    return v.GetInt64();
  }
  Decimal decimal(const Value& obj, const char* key) const {
    auto parsed = Decimal::parse(str(obj, key));
    if (!parsed) throw std::runtime_error(path + "." + key + ": " + parsed.error());
    return *parsed;
  }
  std::optional<Decimal> opt_decimal(const Value& obj, const char* key) const {
    if (!obj.HasMember(key)) return std::nullopt;
    return decimal(obj, key);
  }
  core::TimePoint time(const Value& obj, const char* key) const {
    auto t = core::parse_rfc3339(str(obj, key));
    if (!t) throw std::runtime_error(path + "." + key + ": not an RFC 3339 time");
    return *t;
  }
  Ref ref(const Value& obj, const char* key) const {
    const Value& v = at(obj, key);
    return {str(v, "list_id"), str(v, "full_name")};
  }
  Address address(const Value& obj, const char* key) const {
    const Value& v = at(obj, key);
    return {str(v, "addr1"), str(v, "addr2"), str(v, "addr3"), str(v, "city"), str(v, "state"),
            str(v, "postal_code"), str(v, "country")};
  }
  Stamp stamp(const Value& obj) const { return {time(obj, "created"), time(obj, "modified"), str(obj, "edit_sequence")}; }

  template <class T, class F>
  std::vector<T> array(const Value& obj, const char* key, F each) {
    const Value& v = at(obj, key);
    if (!v.IsArray()) throw std::runtime_error(path + "." + key + ": not an array");
    std::vector<T> out;
    const std::string parent = path;
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      path = parent + "." + key + "[" + std::to_string(i) + "]";
      out.push_back(each(v[i]));
    }
    path = parent;
    return out;
  }
};

void write_invoice(Writer& w, const Invoice& inv) {
  put_head(w, "txn_id", inv.txn_id, inv.stamp);
  put(w, "txn_number", std::int64_t{inv.txn_number});
  put(w, "customer", inv.customer);
  put(w, "txn_date", inv.txn_date); put(w, "ref_number", inv.ref_number);
  put(w, "bill_address", inv.bill_address); put(w, "ship_address", inv.ship_address);
  put(w, "is_pending", inv.is_pending); put(w, "po_number", inv.po_number); put(w, "due_date", inv.due_date);
  put(w, "fob", inv.fob); put(w, "ship_date", inv.ship_date); put(w, "memo", inv.memo); put(w, "other", inv.other);
  put(w, "external_guid", inv.external_guid); put(w, "to_be_printed", inv.to_be_printed); put(w, "voided", inv.voided);
  put_array(w, "lines", inv.lines, [&](const InvoiceLine& l) {
    put(w, "txn_line_id", l.txn_line_id); put(w, "item", l.item); put(w, "description", l.description);
    put_opt(w, "quantity", l.quantity); put_opt(w, "rate", l.rate); put_opt(w, "rate_percent", l.rate_percent);
    put(w, "amount", l.amount);
  });
}

Invoice read_invoice(Reader& r, const Value& v) {
  Invoice inv;
  inv.txn_id = r.str(v, "txn_id"); inv.stamp = r.stamp(v);
  inv.txn_number = static_cast<int>(r.integer(v, "txn_number"));
  inv.customer = r.ref(v, "customer"); inv.txn_date = r.str(v, "txn_date"); inv.ref_number = r.str(v, "ref_number");
  inv.bill_address = r.address(v, "bill_address"); inv.ship_address = r.address(v, "ship_address");
  inv.is_pending = r.flag(v, "is_pending"); inv.po_number = r.str(v, "po_number"); inv.due_date = r.str(v, "due_date");
  inv.fob = r.str(v, "fob"); inv.ship_date = r.str(v, "ship_date"); inv.memo = r.str(v, "memo"); inv.other = r.str(v, "other");
  inv.external_guid = r.str(v, "external_guid"); inv.to_be_printed = r.flag(v, "to_be_printed"); inv.voided = r.flag(v, "voided");
  inv.lines = r.array<InvoiceLine>(v, "lines", [&](const Value& l) {
    return InvoiceLine{r.str(l, "txn_line_id"), r.ref(l, "item"), r.str(l, "description"), r.opt_decimal(l, "quantity"),
                       r.opt_decimal(l, "rate"), r.opt_decimal(l, "rate_percent"), r.decimal(l, "amount")};
  });
  return inv;
}

void write_item(Writer& w, const Item& it) {
  put_head(w, "list_id", it.list_id, it.stamp);
  put(w, "kind", std::string(to_string(it.kind))); put(w, "name", it.name); put(w, "active", it.active);
  put(w, "description", it.description); put(w, "price", it.price); put(w, "price_is_percent", it.price_is_percent);
  put(w, "account", it.account); put(w, "manufacturer_part_number", it.manufacturer_part_number);
  put(w, "purchase_cost", it.purchase_cost); put(w, "quantity_on_hand", it.quantity_on_hand);
  put(w, "average_cost", it.average_cost); put(w, "quantity_on_order", it.quantity_on_order);
  put(w, "quantity_on_sales_order", it.quantity_on_sales_order);
}

Item read_item(Reader& r, const Value& v) {
  Item it;
  it.list_id = r.str(v, "list_id"); it.stamp = r.stamp(v);
  const auto kind = parse_item_kind(r.str(v, "kind"));
  if (!kind) throw std::runtime_error(r.path + ".kind: unknown item kind");
  it.kind = *kind; it.name = r.str(v, "name"); it.active = r.flag(v, "active");
  it.description = r.str(v, "description"); it.price = r.decimal(v, "price"); it.price_is_percent = r.flag(v, "price_is_percent");
  it.account = r.str(v, "account"); it.manufacturer_part_number = r.str(v, "manufacturer_part_number");
  it.purchase_cost = r.decimal(v, "purchase_cost"); it.quantity_on_hand = r.decimal(v, "quantity_on_hand");
  it.average_cost = r.decimal(v, "average_cost"); it.quantity_on_order = r.decimal(v, "quantity_on_order");
  it.quantity_on_sales_order = r.decimal(v, "quantity_on_sales_order");
  return it;
}

}  // namespace

std::string company_to_json(const Company& c) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("info");
  w.StartObject();
  put(w, "name", c.info.name); put(w, "file_path", c.info.file_path); put(w, "owner_id", c.info.owner_id);
  put(w, "file_id", c.info.file_id); put(w, "utc_offset_minutes", std::int64_t{c.info.utc_offset_minutes});
  w.EndObject();
  put(w, "next_list_serial", std::int64_t{c.next_list_serial}); put(w, "next_txn_serial", std::int64_t{c.next_txn_serial});
  put(w, "next_txn_number", std::int64_t{c.next_txn_number}); put(w, "last_edit_sequence", c.last_edit_sequence);
  put_array(w, "accounts", c.accounts, [&](const Account& a) {
    put_head(w, "list_id", a.list_id, a.stamp); put(w, "name", a.name); put(w, "type", a.type);
  });
  put_array(w, "customers", c.customers, [&](const Customer& x) {
    put_head(w, "list_id", x.list_id, x.stamp); put(w, "name", x.name); put(w, "active", x.active);
    put(w, "company_name", x.company_name); put(w, "first_name", x.first_name); put(w, "last_name", x.last_name);
    put(w, "phone", x.phone); put(w, "email", x.email); put(w, "bill_address", x.bill_address);
    put(w, "ship_address", x.ship_address); put(w, "balance", x.balance);
  });
  put_array(w, "items", c.items, [&](const Item& x) { write_item(w, x); });
  put_array(w, "invoices", c.invoices, [&](const Invoice& x) { write_invoice(w, x); });
  put_array(w, "journal_entries", c.journal_entries, [&](const JournalEntry& e) {
    put_head(w, "txn_id", e.txn_id, e.stamp); put(w, "txn_number", std::int64_t{e.txn_number});
    put(w, "txn_date", e.txn_date); put(w, "ref_number", e.ref_number); put(w, "is_adjustment", e.is_adjustment);
    put(w, "external_guid", e.external_guid); put(w, "voided", e.voided);
    put_array(w, "lines", e.lines, [&](const JournalLine& l) {
      put(w, "txn_line_id", l.txn_line_id); put(w, "debit", l.debit); put(w, "account", l.account);
      put(w, "amount", l.amount); put(w, "memo", l.memo); put(w, "entity", l.entity);
    });
  });
  if (c.saved_message_set) {
    w.Key("saved_message_set");
    w.StartObject();
    put(w, "id", c.saved_message_set->id); put(w, "responses", c.saved_message_set->responses);
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::expected<Company, std::string> company_from_json(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) return std::unexpected("not valid JSON at offset " + std::to_string(doc.GetErrorOffset()));
  Reader r{"company"};
  try {
    Company c;
    const Value& info = r.at(doc, "info");
    c.info = {r.str(info, "name"), r.str(info, "file_path"), r.str(info, "owner_id"), r.str(info, "file_id"),
              static_cast<int>(r.integer(info, "utc_offset_minutes"))};
    c.next_list_serial = static_cast<std::uint32_t>(r.integer(doc, "next_list_serial"));
    c.next_txn_serial = static_cast<std::uint32_t>(r.integer(doc, "next_txn_serial"));
    c.next_txn_number = static_cast<int>(r.integer(doc, "next_txn_number"));
    c.last_edit_sequence = r.integer(doc, "last_edit_sequence");
    c.accounts = r.array<Account>(doc, "accounts", [&](const Value& v) {
      return Account{r.str(v, "list_id"), r.stamp(v), r.str(v, "name"), r.str(v, "type")};
    });
    c.customers = r.array<Customer>(doc, "customers", [&](const Value& v) {
      return Customer{r.str(v, "list_id"), r.stamp(v), r.str(v, "name"), r.flag(v, "active"), r.str(v, "company_name"),
                      r.str(v, "first_name"), r.str(v, "last_name"), r.str(v, "phone"), r.str(v, "email"),
                      r.address(v, "bill_address"), r.address(v, "ship_address"), r.decimal(v, "balance")};
    });
    c.items = r.array<Item>(doc, "items", [&](const Value& v) { return read_item(r, v); });
    c.invoices = r.array<Invoice>(doc, "invoices", [&](const Value& v) { return read_invoice(r, v); });
    c.journal_entries = r.array<JournalEntry>(doc, "journal_entries", [&](const Value& v) {
      JournalEntry e{r.str(v, "txn_id"), r.stamp(v), static_cast<int>(r.integer(v, "txn_number")), r.str(v, "txn_date"),
                     r.str(v, "ref_number"), r.flag(v, "is_adjustment"), r.str_or(v, "external_guid"), {},
                     r.flag(v, "voided")};
      e.lines = r.array<JournalLine>(v, "lines", [&](const Value& l) {
        return JournalLine{r.str(l, "txn_line_id"), r.flag(l, "debit"), r.ref(l, "account"), r.decimal(l, "amount"),
                           r.str(l, "memo"), r.ref(l, "entity")};
      });
      return e;
    });
    if (doc.HasMember("saved_message_set")) {
      const Value& saved = doc["saved_message_set"];
      c.saved_message_set = SavedMessageSet{r.str(saved, "id"), r.str(saved, "responses")};
    }
    return c;
  } catch (const std::runtime_error& e) {
    return std::unexpected(e.what());
  }
}

std::expected<Company, std::string> load_company(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected("cannot open company file " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  auto company = company_from_json(text.str());
  if (!company) return std::unexpected(file.string() + ": " + company.error());
  return company;
}

std::expected<void, std::string> save_company(const Company& company, const std::filesystem::path& file) {
  const auto temporary = std::filesystem::path(file.string() + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << company_to_json(company);
    if (!out.flush()) return std::unexpected("cannot write " + temporary.string());
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) return std::unexpected("cannot replace " + file.string() + ": " + ec.message());
  return {};
}

}  // namespace ml::qbwc_sim
