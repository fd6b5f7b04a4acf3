// Simulator-only endpoints under /_sim/: no auth, no rate limit, never part of ShipStation's API.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

#include "ml/shipstation_sim/json.hpp"
#include "ml/shipstation_sim/pacific_time.hpp"
#include "sim_state.hpp"

namespace ml::shipstation_sim::detail {

namespace {

namespace http = ml::core::http;
using ml::core::HttpRequest;
using ml::core::HttpResponse;
using Value = rapidjson::Value;

/// A malformed admin request; what() says which field and why.
struct BadRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

HttpResponse reply(const HttpRequest& request, http::status status, const std::string& body) {
  return ml::core::make_response(request, status, body, "application/json; charset=utf-8");
}

std::string error_json(const std::string& what) {
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  w.StartObject();
  w.Key("error");
  w.String(what.c_str());
  w.EndObject();
  return out.GetString();
}

std::string ids_json(const char* key, const std::vector<std::int64_t>& ids) {
  std::string out = std::string("{\"") + key + "\":[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]}";
}

std::string id_json(const char* key, std::int64_t id) { return std::string("{\"") + key + "\":" + std::to_string(id) + "}"; }

rapidjson::Document parse_body(const HttpRequest& request) {
  rapidjson::Document doc;
  const auto& body = request.body();
  doc.Parse<rapidjson::kParseNumbersAsStringsFlag>(body.empty() ? "{}" : body.c_str());
  if (doc.HasParseError()) throw BadRequest("the body is not valid JSON");
  return doc;
}

const Value* member(const Value& object, const char* key) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(key);
  return it == object.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
}

std::optional<std::string> text(const Value& object, const char* key) {
  const Value* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->IsString()) throw BadRequest(std::string(key) + " must be a string or a number");
  return std::string(v->GetString(), v->GetStringLength());
}

std::optional<Decimal> money(const Value& object, const char* key) {
  auto value = text(object, key);
  if (!value) return std::nullopt;
  auto parsed = Decimal::parse(*value);
  if (!parsed) throw BadRequest(std::string(key) + ": " + parsed.error());
  return *parsed;
}

std::int64_t whole_number(std::string_view value, const std::string& what) {
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc{} || end != value.data() + value.size()) throw BadRequest(what + " must be a whole number");
  return out;
}

std::optional<std::int64_t> integer(const Value& object, const char* key) {
  auto value = text(object, key);
  if (!value) return std::nullopt;
  return whole_number(*value, key);
}

bool flag(const Value& object, const char* key, bool fallback) {
  const Value* v = member(object, key);
  if (!v) return fallback;
  if (v->IsBool()) return v->GetBool();
  if (v->IsString()) return std::string_view(v->GetString()) == "true";
  throw BadRequest(std::string(key) + " must be true or false");
}

std::vector<std::int64_t> id_list(const Value& object, const char* key) {
  const Value* v = member(object, key);
  if (!v || !v->IsArray()) throw BadRequest(std::string(key) + " must be an array of ids");
  std::vector<std::int64_t> ids;
  for (const auto& entry : v->GetArray()) {
    if (!entry.IsString()) throw BadRequest(std::string(key) + " must hold numbers");
    ids.push_back(whole_number(entry.GetString(), key));
  }
  return ids;
}

Address address(const Value& v) {
  Address a;
  a.name = text(v, "name");
  a.company = text(v, "company");
  a.street1 = text(v, "street1");
  a.street2 = text(v, "street2");
  a.city = text(v, "city");
  a.state = text(v, "state");
  a.postal_code = text(v, "postalCode");
  a.country = text(v, "country");
  a.phone = text(v, "phone");
  return a;
}

std::vector<NewItem> items(const Value& order) {
  const Value* list = member(order, "items");
  if (!list) return {};
  if (!list->IsArray()) throw BadRequest("items must be an array");
  std::vector<NewItem> out;
  for (const auto& v : list->GetArray()) {
    NewItem item;
    item.sku = text(v, "sku").value_or("");
    item.name = text(v, "name").value_or(item.sku);
    item.quantity = static_cast<int>(integer(v, "quantity").value_or(1));
    item.unit_price = money(v, "unitPrice").value_or(Decimal{});
    item.weight_ounces = money(v, "weightOunces").value_or(Decimal{});
    item.adjustment = flag(v, "adjustment", false);
    item.product_id = integer(v, "productId");
    out.push_back(std::move(item));
  }
  return out;
}

NewOrder new_order(const Value& v) {
  NewOrder order;
  order.store_id = integer(v, "storeId").value_or(0);
  order.order_number = text(v, "orderNumber").value_or("");
  order.order_key = text(v, "orderKey");
  order.order_status = text(v, "orderStatus").value_or(kAwaitingShipment);
  if (auto date = text(v, "orderDate")) {
    order.order_date = parse_query_time(*date);
    if (!order.order_date) throw BadRequest("orderDate: '" + *date + "' is not a date");
  }
  order.customer_id = integer(v, "customerId");
  order.customer_name = text(v, "customerName").value_or("");
  order.customer_email = text(v, "customerEmail").value_or("");
  if (const Value* ship_to = member(v, "shipTo")) order.ship_to = address(*ship_to);
  order.items = items(v);
  order.tax_amount = money(v, "taxAmount").value_or(Decimal{});
  order.shipping_amount = money(v, "shippingAmount").value_or(Decimal{});
  order.amount_paid = money(v, "amountPaid");
  order.customer_notes = text(v, "customerNotes");
  return order;
}

void apply_edit(const Value& v, Order& order) {
  if (auto notes = text(v, "internalNotes")) order.internal_notes = notes;
  if (auto notes = text(v, "customerNotes")) order.customer_notes = notes;
  if (auto tax = money(v, "taxAmount")) order.tax_amount = *tax;
  if (auto shipping = money(v, "shippingAmount")) order.shipping_amount = *shipping;
  if (auto paid = money(v, "amountPaid")) order.amount_paid = *paid;
  if (auto status = text(v, "orderStatus")) order.order_status = *status;
  if (const Value* ship_to = member(v, "shipTo")) order.ship_to = address(*ship_to);
  if (member(v, "items")) {
    order.items.clear();
    for (const auto& item : items(v))
      order.items.push_back({0, {}, item.sku, item.name, item.weight_ounces, item.quantity, item.unit_price, {},
                             item.product_id, item.adjustment, {}, {}});
  }
}

std::string counters_json(const SimState& state) {
  std::lock_guard lock(state.counters_mutex);
  const auto& c = state.counters;
  std::string out = "{\"requests\":{";
  bool first = true;
  for (const auto& [endpoint, n] : c.requests) {
    out += (first ? "\"" : ",\"") + endpoint + "\":" + std::to_string(n);
    first = false;
  }
  return out + "},\"rateLimited\":" + std::to_string(c.rate_limited) + ",\"unauthorized\":" +
         std::to_string(c.unauthorized) + ",\"serverErrors\":" + std::to_string(c.server_errors) +
         ",\"webhooksDelivered\":" + std::to_string(c.webhooks_delivered) +
         ",\"webhooksFailed\":" + std::to_string(c.webhooks_failed) + "}";
}

std::string clock_json(const SimState& state) {
  const auto now = state.now();
  return "{\"utc\":\"" + ml::core::format_rfc3339(now) + "\",\"pacific\":\"" + pacific_timestamp(now) + "\"}";
}

void apply_knobs(const Value& v, SimState& state, Scenario& scenario) {
  if (auto n = integer(v, "inject429")) scenario.inject_429(static_cast<int>(*n));
  if (auto n = integer(v, "duplicateShipNotifyEvery")) scenario.duplicate_ship_notify_every(static_cast<int>(*n));
  if (auto ms = integer(v, "webhookDelayMs")) scenario.set_webhook_delay(std::chrono::milliseconds(*ms));
  const auto limit = integer(v, "rateLimit");
  const auto window = integer(v, "rateWindowSeconds");
  if (limit || window)
    scenario.set_rate_limit(static_cast<int>(limit.value_or(state.options.rate_limit)),
                            window ? std::chrono::seconds(*window) : state.options.rate_window);
}

/// "/_sim/orders/123/cancel" → {"orders", "123", "cancel"}.
std::vector<std::string> segments(const HttpRequest& request) {
  const std::string_view target(request.target().data(), request.target().size());
  std::string_view path = target.substr(0, target.find('?'));
  path.remove_prefix(std::string_view("/_sim/").size());
  std::vector<std::string> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    if (slash != 0) out.emplace_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  }
  return out;
}

std::int64_t path_id(const std::string& segment) { return whole_number(segment, "the id '" + segment + "'"); }

std::optional<std::string> order_step(Scenario& scenario, std::int64_t id, const std::string& step, const Value& body) {
  if (step == "mark-shipped")
    return id_json("fulfillmentId", scenario.mark_shipped(id, text(body, "carrierCode").value_or("usps"),
                                                          text(body, "trackingNumber").value_or("9205500000000000000001")));
  if (step == "split") return id_json("orderId", scenario.split_order(id, id_list(body, "orderItemIds")));
  if (step == "edit") {
    scenario.edit_order(id, [&](Order& order) { apply_edit(body, order); });
  } else if (step == "mark-paid") {
    scenario.mark_paid(id);
  } else if (step == "cancel") {
    scenario.cancel_order(id);
  } else if (step == "poison") {
    scenario.poison_order(id, flag(body, "poisoned", true));
  } else {
    return std::nullopt;
  }
  return "{}";
}

std::optional<std::string> route(SimState& state, Scenario& scenario, const HttpRequest& request) {
  const auto parts = segments(request);
  const bool get = request.method() == http::verb::get;
  const bool post = request.method() == http::verb::post;
  if (parts.empty()) return std::nullopt;
  if (get && parts == std::vector<std::string>{"counters"}) return counters_json(state);
  if (get && parts == std::vector<std::string>{"catalogue"}) {
    std::lock_guard lock(state.mutex);
    return catalogue_json(state.options.month ? state.options.month->seed : state.options.seed, state.account.stores, state.catalogue);
  }
  if (get && parts == std::vector<std::string>{"clock"}) return clock_json(state);
  if (!post) return std::nullopt;
  const auto body = parse_body(request);
  if (parts == std::vector<std::string>{"counters", "reset"}) {
    std::lock_guard lock(state.counters_mutex);
    state.counters = {};
    return "{}";
  }
  if (parts == std::vector<std::string>{"clock"}) {
    scenario.shift_clock(std::chrono::seconds(integer(body, "advanceSeconds").value_or(0)));
    return clock_json(state);
  }
  if (parts == std::vector<std::string>{"knobs"}) {
    apply_knobs(body, state, scenario);
    return "{}";
  }
  if (parts == std::vector<std::string>{"orders"}) {
    std::vector<NewOrder> orders;
    if (const Value* list = member(body, "orders"); list && list->IsArray()) {
      for (const auto& v : list->GetArray()) orders.push_back(new_order(v));
    } else {
      orders.push_back(new_order(body));
    }
    return ids_json("orderIds", scenario.create_orders(orders));
  }
  if (parts == std::vector<std::string>{"labels"}) {
    LabelOptions options;
    options.carrier_code = text(body, "carrierCode").value_or(options.carrier_code);
    options.service_code = text(body, "serviceCode").value_or(options.service_code);
    options.ship_date = text(body, "shipDate");
    const auto batch = scenario.create_labels(id_list(body, "orderIds"), options);
    return "{\"batchId\":" + std::to_string(batch.batch_id) + "," + ids_json("shipmentIds", batch.shipment_ids).substr(1);
  }
  if (parts.size() == 3 && parts[0] == "shipments" && parts[2] == "void") {
    scenario.void_label(path_id(parts[1]));
    return "{}";
  }
  if (parts.size() == 3 && parts[0] == "orders") return order_step(scenario, path_id(parts[1]), parts[2], body);
  return std::nullopt;
}

}  // namespace

HttpResponse answer_admin(SimState& state, Scenario& scenario, const HttpRequest& request) {
  try {
    if (auto body = route(state, scenario, request)) return reply(request, http::status::ok, *body);
    return reply(request, http::status::not_found, error_json("no simulator endpoint " + std::string(request.method_string()) + " " + std::string(request.target().data(), request.target().size())));
  } catch (const BadRequest& e) {
    return reply(request, http::status::bad_request, error_json(e.what()));
  } catch (const ScenarioError& e) {
    const auto status = e.kind() == ScenarioError::Kind::not_found ? http::status::not_found : http::status::conflict;
    return reply(request, status, error_json(e.what()));
  }
}

}  // namespace ml::shipstation_sim::detail
