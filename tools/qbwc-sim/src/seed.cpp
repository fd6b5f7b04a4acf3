#include "ml/qbwc_sim/seed.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include <rapidjson/document.h>

#include "ml/qbwc_sim/faults.hpp"

namespace ml::qbwc_sim {
namespace {

using core::Decimal;
using std::chrono::seconds;

void add_accounts(Company& c, core::TimePoint at) {
  const std::pair<const char*, const char*> accounts[] = {
      {"Checking", "Bank"},
      {"Undeposited Funds", "OtherCurrentAsset"},
      {"Accounts Receivable", "AccountsReceivable"},
      {"Inventory Asset", "OtherCurrentAsset"},
      {"Sales Tax Payable", "OtherCurrentLiability"},
      {"Sales", "Income"},
      {"Shipping Income", "Income"},
      {"Discounts Given", "Income"},
      {"Services", "Income"},
      {"Cost of Goods Sold", "CostOfGoodsSold"},
      {"Merchant Account Fees", "Expense"},
      {"Postage and Delivery", "Expense"}};
  for (const auto& [name, type] : accounts) c.accounts.push_back({c.new_list_id(at), c.new_stamp(at), name, type});
}

Customer customer(Company& c, core::TimePoint at, std::string name, std::string first, std::string last,
                  std::string email, Address address) {
  Customer x;
  x.list_id = c.new_list_id(at);
  x.stamp = c.new_stamp(at);
  x.name = std::move(name);
  x.first_name = std::move(first);
  x.last_name = std::move(last);
  x.email = std::move(email);
  x.bill_address = address;
  x.ship_address = std::move(address);
  x.balance = Decimal::from_units(0, 2);
  return x;
}

Item item(Company& c, core::TimePoint at, ItemKind kind, std::string name, std::string description,
          std::string_view price, std::string account) {
  Item x;
  x.list_id = c.new_list_id(at);
  x.stamp = c.new_stamp(at);
  x.kind = kind;
  x.name = std::move(name);
  x.description = std::move(description);
  x.price = Decimal::from_string(price);
  x.account = std::move(account);
  return x;
}

Item inventory(Company& c, core::TimePoint at, std::string name, std::string description, std::string_view price,
               std::string_view cost, std::int64_t on_hand) {
  Item x = item(c, at, ItemKind::inventory, std::move(name), std::move(description), price, "Sales");
  x.purchase_cost = Decimal::from_string(cost);
  x.average_cost = x.purchase_cost;
  x.quantity_on_hand = Decimal::from_units(on_hand, 0);
  return x;
}

void add_invoice(Company& c, core::TimePoint at, const Customer& to, std::string ref, std::string date,
                 std::vector<std::pair<const Item*, std::int64_t>> lines) {
  Invoice inv;
  inv.txn_id = c.new_txn_id(at);
  inv.customer = ref_of(to);
  inv.txn_date = std::move(date);
  inv.ref_number = std::move(ref);
  inv.bill_address = to.bill_address;
  inv.ship_address = to.ship_address;
  inv.due_date = inv.ship_date = inv.txn_date;
  for (const auto& [it, quantity] : lines) {
    InvoiceLine line;
    line.txn_line_id = c.new_txn_id(at);
    line.item = ref_of(*it);
    line.description = it->description;
    line.quantity = Decimal::from_units(quantity, 0);
    line.rate = it->price;
    line.amount = (*line.quantity * *line.rate).round_half_up(2);
    if (Item* stored = c.find_item(ref_of(*it)); stored->kind == ItemKind::inventory)
      stored->quantity_on_hand -= *line.quantity;
    inv.lines.push_back(std::move(line));
  }
  inv.stamp = c.new_stamp(at);
  inv.txn_number = c.next_txn_number++;
  c.find_customer(ref_of(to))->balance += inv.subtotal();
  c.invoices.push_back(std::move(inv));
}


const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string text_of(const rapidjson::Value& object, const char* name) {
  const auto* value = member(object, name);
  return value && value->IsString() ? std::string(value->GetString(), value->GetStringLength()) : std::string();
}

std::expected<void, std::string> add_catalogue_customers(Company& c, core::TimePoint at, const rapidjson::Value& list) {
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const auto& entry = list[i];
    std::string name = text_of(entry, "name");
    if (name.empty()) return std::unexpected("customers[" + std::to_string(i) + "]: no name");
    const auto space = name.find(' ');
    Address address{name, text_of(entry, "street1"), "", text_of(entry, "city"), text_of(entry, "state"),
                    text_of(entry, "postalCode"), text_of(entry, "country")};
    c.customers.push_back(customer(c, at, name, name.substr(0, space),
                                   space == std::string::npos ? std::string() : name.substr(space + 1),
                                   text_of(entry, "email"), std::move(address)));
  }
  return {};
}

std::expected<void, std::string> add_catalogue_products(Company& c, core::TimePoint at, const rapidjson::Value& list,
                                                        std::int64_t on_hand) {
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const auto& entry = list[i];
    const auto* price = member(entry, "unitPrice");
    const std::string sku = text_of(entry, "sku");
    if (sku.empty() || !price || !price->IsNumber())
      return std::unexpected("products[" + std::to_string(i) + "]: needs a sku and a numeric unitPrice");
    const auto cents = static_cast<std::int64_t>(price->GetDouble() * 100 + (price->GetDouble() < 0 ? -0.5 : 0.5));
    const std::string rate = Decimal::from_units(cents, 2).to_string();
    const std::string cost = Decimal::from_units(cents * 4 / 10, 2).to_string();
    c.items.push_back(inventory(c, at, sku, text_of(entry, "name"), rate, cost, on_hand));
  }
  return {};
}

}  // namespace

core::TimePoint seed_epoch() { return core::TimePoint(seconds(1704204000)); }

Company small_company() {
  Company c;
  c.info.name = "Moonlight Gear Co";
  c.info.file_path = R"(C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Moonlight Gear.QBW)";
  const auto at = seed_epoch();
  add_accounts(c, at);
  c.customers.push_back(customer(c, at, "ShipStation Customer", "", "", "orders@moonlightgear.example",
                                 {"100 Market St", "", "", "San Francisco", "CA", "94105", "US"}));
  c.customers.push_back(customer(c, at, "Jane Doe", "Jane", "Doe", "jane@example.com",
                                 {"Jane Doe", "123 Main St", "", "Austin", "TX", "78701", "US"}));
  c.customers.push_back(customer(c, at, "Acme Corp", "", "", "ap@acme.example",
                                 {"Acme Corp", "1 Industrial Way", "", "Columbus", "OH", "43004", "US"}));
  c.customers.push_back(customer(c, at, "Zoe Muller", "Zoe", "Muller", "zoe@example.de",
                                 {"Zoe Muller", "Hauptstr. 5", "", "Berlin", "", "10115", "DE"}));
  Customer closed = customer(c, at, "Old Wholesale Account", "", "", "", {});
  closed.active = false;
  c.customers.push_back(std::move(closed));
  c.items.push_back(inventory(c, at, "WIDGET-01", "Blue widget", "19.99", "7.50", 120));
  c.items.push_back(inventory(c, at, "WIDGET-02", "Red widget", "21.50", "8.10", 45));
  c.items.push_back(inventory(c, at, "GADGET-01", "Pocket gadget", "49.00", "20.00", 8));
  c.items.push_back(item(c, at, ItemKind::non_inventory, "Gift Wrap", "Gift wrapping", "4.95", "Sales"));
  c.items.push_back(item(c, at, ItemKind::service, "Installation", "On-site installation", "75.00", "Services"));
  c.items.push_back(item(c, at, ItemKind::other_charge, "Shipping", "Shipping and handling", "0.00", "Shipping Income"));
  Item discount = item(c, at, ItemKind::discount, "Discount 10%", "10% discount", "10", "Discounts Given");
  discount.price_is_percent = true;
  c.items.push_back(std::move(discount));
  c.items.push_back(item(c, at, ItemKind::sales_tax, "CA Sales Tax", "California sales tax", "7.25", ""));
  add_invoice(c, at + seconds(3600), c.customers[1], "1001", "2024-01-02", {{&c.items[0], 2}, {&c.items[3], 1}});
  add_invoice(c, at + seconds(7200), c.customers[2], "1002", "2024-01-02", {{&c.items[2], 1}});
  return c;
}

Company large_company(std::uint64_t seed) {
  static constexpr std::array first = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
                                       "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica"};
  static constexpr std::array last = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
                                      "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson"};
  static constexpr std::array<std::pair<const char*, const char*>, 6> cities = {
      {{"Austin", "TX"}, {"Denver", "CO"}, {"Portland", "OR"}, {"Columbus", "OH"}, {"Raleigh", "NC"}, {"Madison", "WI"}}};
  static constexpr std::array products = {"Widget", "Gadget", "Sprocket", "Bracket", "Gizmo", "Valve", "Cable", "Panel"};
  static constexpr std::array colors = {"Blue", "Red", "Green", "Black", "White", "Steel", "Brass"};
  Company c;
  c.info.name = "Large Wholesale Co";
  c.info.file_path = R"(C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Large Wholesale.QBW)";
  FaultDice dice(seed, "large-company");
  const auto pick = [&dice](std::size_t n) { return static_cast<std::size_t>(dice.next() % n); };
  const auto at = seed_epoch();
  add_accounts(c, at);
  char buf[64];
  for (int i = 0; i < 5000; ++i) {
    const std::string f = first[pick(first.size())], l = last[pick(last.size())];
    const auto& [city, state] = cities[pick(cities.size())];
    std::snprintf(buf, sizeof buf, "%s %s %04d", f.c_str(), l.c_str(), i);
    std::string email = f + "." + l + std::to_string(i) + "@example.com";
    Address address{f + " " + l, std::to_string(100 + pick(9900)) + " Oak St", "", city, state,
                    std::to_string(10000 + pick(89999)), "US"};
    c.customers.push_back(customer(c, at + seconds(i), buf, f, l, email, std::move(address)));
  }
  for (int i = 0; i < 20000; ++i) {
    const std::string product = products[pick(products.size())], color = colors[pick(colors.size())];
    std::snprintf(buf, sizeof buf, "SKU-%05d", i);
    const auto cents = static_cast<std::int64_t>(199 + pick(49800));
    const auto when = at + seconds(5000 + i);
    const auto kind = i % 50 == 0 ? ItemKind::service : i % 20 == 0 ? ItemKind::non_inventory : ItemKind::inventory;
    Item x = item(c, when, kind, buf, color + " " + product, Decimal::from_units(cents, 2).to_string(), "Sales");
    if (kind == ItemKind::inventory) {
      x.purchase_cost = x.average_cost = Decimal::from_units(cents * 4 / 10, 2);
      x.quantity_on_hand = Decimal::from_units(static_cast<std::int64_t>(pick(500)), 0);
    }
    c.items.push_back(std::move(x));
  }
  return c;
}

std::expected<Company, std::string> merchant_company(std::string_view catalogue_json, std::int64_t on_hand) {
  rapidjson::Document doc;
  doc.Parse(catalogue_json.data(), catalogue_json.size());
  if (doc.HasParseError()) return std::unexpected("catalogue: malformed JSON at offset " + std::to_string(doc.GetErrorOffset()));
  const auto* customers = member(doc, "customers");
  const auto* products = member(doc, "products");
  if (!customers || !customers->IsArray() || !products || !products->IsArray())
    return std::unexpected("catalogue: needs arrays \"customers\" and \"products\"");
  Company c;
  c.info.name = "Hearth & Grain";
  c.info.file_path = R"(C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Hearth and Grain.QBW)";
  const auto at = seed_epoch();
  add_accounts(c, at);
  if (auto added = add_catalogue_customers(c, at, *customers); !added) return std::unexpected(added.error());
  if (auto added = add_catalogue_products(c, at, *products, on_hand); !added) return std::unexpected(added.error());
  c.items.push_back(item(c, at, ItemKind::discount, "Discount", "Discounts and coupons", "0.00", "Discounts Given"));
  c.items.push_back(item(c, at, ItemKind::other_charge, "Shipping", "Shipping and handling", "0.00", "Shipping Income"));
  c.items.push_back(item(c, at, ItemKind::other_charge, "Sales Tax", "Sales tax collected", "0.00", "Sales Tax Payable"));
  return c;
}

}  // namespace ml::qbwc_sim
