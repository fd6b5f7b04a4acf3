#include <rapidjson/document.h>

#include <cctype>
#include <charconv>
#include <set>

#include "ml/shipstation_sim/json.hpp"
#include "sim_state.hpp"

namespace ml::shipstation_sim::detail {

namespace {

namespace http = ml::core::http;
using ml::core::HttpRequest;
using ml::core::HttpResponse;

constexpr const char* kJson = "application/json; charset=utf-8";
// No captured V1 429 body exists; this is the text clients (SkuVault) look for.
constexpr const char* kTooManyRequests = R"({"message": "Too Many Requests"})";
constexpr const char* kNullReference = "Object reference not set to an instance of an object.";

std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t chunk = 0;
    for (std::size_t k = 0; k < 3; ++k)
      chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(in[i + k]) : 0u);
    for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[(chunk >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

std::string_view target_of(const HttpRequest& request) { return {request.target().data(), request.target().size()}; }

std::string normalised_path(const HttpRequest& request) {
  std::string path(target_of(request).substr(0, target_of(request).find('?')));
  for (auto& c : path) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::optional<std::int64_t> trailing_id(const std::string& path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return std::nullopt;
  std::int64_t id = 0;
  const char* first = path.data() + prefix.size();
  const char* last = path.data() + path.size();
  auto [end, ec] = std::from_chars(first, last, id);
  if (ec != std::errc{} || end != last || first == last) return std::nullopt;
  return id;
}

struct Endpoint {
  std::string name;  ///< Counter key, e.g. "GET /orders/{id}".
  std::optional<std::int64_t> id;
};

Endpoint classify(http::verb method, const std::string& path) {
  if (method == http::verb::get) {
    if (path == "/orders" || path == "/orders/list") return {"GET /orders", {}};
    if (auto id = trailing_id(path, "/orders/")) return {"GET /orders/{id}", id};
    for (const char* list : {"/shipments", "/fulfillments", "/stores", "/webhooks"})
      if (path == list) return {std::string("GET ") + list, {}};
  }
  if (method == http::verb::post && path == "/webhooks/subscribe") return {"POST /webhooks/subscribe", {}};
  if (method == http::verb::delete_)
    if (auto id = trailing_id(path, "/webhooks/")) return {"DELETE /webhooks/{id}", id};
  return {"unknown", {}};
}

HttpResponse reply(const HttpRequest& request, http::status status, std::string body) {
  return ml::core::make_response(request, status, std::move(body), kJson);
}

template <class Row, class Render>
HttpResponse list_reply(const HttpRequest& request, const std::expected<Page<Row>, QueryError>& page, Render render) {
  if (!page) return reply(request, http::status::bad_request, message_json(page.error().what));
  return reply(request, http::status::ok, render(*page));
}

HttpResponse orders(SimState& state, const HttpRequest& request) {
  const auto page = list_orders(state.account, QueryParams::parse(target_of(request)));
  if (page)
    for (const Order* order : page->rows)
      if (state.account.poisoned_orders.contains(order->order_id))
        return reply(request, http::status::internal_server_error, server_error_json(kNullReference));
  return list_reply(request, page, orders_page_json);
}

HttpResponse one_order(SimState& state, const HttpRequest& request, std::int64_t id) {
  const Order* order = state.account.find_order(id);
  if (!order) return reply(request, http::status::not_found, message_json("Order not found"));
  if (state.account.poisoned_orders.contains(id))
    return reply(request, http::status::internal_server_error, server_error_json(kNullReference));
  return reply(request, http::status::ok, order_json(*order));
}

HttpResponse subscribe(SimState& state, const HttpRequest& request) {
  rapidjson::Document body;
  body.Parse(request.body().c_str());
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (!body.IsObject() || !body.HasMember(key) || !body[key].IsString()) return std::nullopt;
    return std::string(body[key].GetString());
  };
  const auto target = text("target_url");
  const auto event = text("event");
  if (body.HasParseError() || !target || !event)
    return reply(request, http::status::bad_request, message_json("target_url and event are required"));
  static const std::set<std::string> kEvents{"ORDER_NOTIFY", "ITEM_ORDER_NOTIFY", "SHIP_NOTIFY",
                                             "ITEM_SHIP_NOTIFY", "FULFILLMENT_SHIPPED", "FULFILLMENT_REJECTED"};
  if (!kEvents.contains(*event)) return reply(request, http::status::bad_request, message_json("unknown event '" + *event + "'"));
  Webhook hook{0, *event, *target, {}, text("friendly_name").value_or("")};
  if (body.HasMember("store_id") && body["store_id"].IsInt64()) hook.store_id = body["store_id"].GetInt64();
  const auto id = state.account.subscribe(std::move(hook));
  return reply(request, http::status::ok, "{\"id\":" + std::to_string(id) + "}");
}

HttpResponse serve(SimState& state, const HttpRequest& request, const Endpoint& endpoint) {
  std::lock_guard lock(state.mutex);
  const auto query = QueryParams::parse(target_of(request));
  if (endpoint.name == "GET /orders") return orders(state, request);
  if (endpoint.name == "GET /orders/{id}") return one_order(state, request, *endpoint.id);
  if (endpoint.name == "GET /shipments") {
    auto include = query.get("includeShipmentItems").value_or("false");
    for (auto& c : include) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool items = include == "true";
    return list_reply(request, list_shipments(state.account, query),
                      [&](const Page<Shipment>& page) { return shipments_page_json(page, items); });
  }
  if (endpoint.name == "GET /fulfillments")
    return list_reply(request, list_fulfillments(state.account, query), fulfillments_page_json);
  if (endpoint.name == "GET /stores") return reply(request, http::status::ok, stores_json(state.account.stores));
  if (endpoint.name == "GET /webhooks") return reply(request, http::status::ok, webhooks_json(state.account.webhooks));
  if (endpoint.name == "POST /webhooks/subscribe") return subscribe(state, request);
  if (endpoint.name == "DELETE /webhooks/{id}")
    return state.account.unsubscribe(*endpoint.id)
               ? reply(request, http::status::ok, "")
               : reply(request, http::status::not_found, message_json("Webhook not found"));
  return reply(request, http::status::not_found,
               "{\"Message\":\"No HTTP resource was found that matches the request URI '" +
                   std::string(target_of(request).substr(0, target_of(request).find('?'))) + "'.\"}");
}

bool take_forced_429(SimState& state) {
  int left = state.forced_429.load();
  while (left > 0 && !state.forced_429.compare_exchange_weak(left, left - 1)) {
  }
  return left > 0;
}

}  // namespace

HttpResponse answer_api(SimState& state, const HttpRequest& request) {
  const auto endpoint = classify(request.method(), normalised_path(request));
  state.count_request(endpoint.name);
  const std::string credential(request[http::field::authorization]);
  const auto budget = state.limiter.take(credential);
  const bool authorised = credential == "Basic " + base64(state.options.api_key + ":" + state.options.api_secret);
  HttpResponse response = !authorised ? reply(request, http::status::unauthorized, message_json("Invalid API credentials"))
                          : !budget.allowed || take_forced_429(state)
                              ? reply(request, http::status::too_many_requests, kTooManyRequests)
                              : serve(state, request, endpoint);
  response.set("X-Rate-Limit-Limit", std::to_string(budget.limit));
  response.set("X-Rate-Limit-Remaining", std::to_string(budget.remaining));
  response.set("X-Rate-Limit-Reset", std::to_string(budget.reset_seconds));
  state.count_status(response.result_int());
  if (state.options.log_requests)
    state.log.info("request", {{"method", std::string(request.method_string())},
                               {"target", std::string(target_of(request))},
                               {"status", static_cast<int>(response.result_int())},
                               {"remaining", budget.remaining}});
  return response;
}

}  // namespace ml::shipstation_sim::detail
