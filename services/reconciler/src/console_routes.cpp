#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <map>
#include <memory>

#include "ml/core/secret.hpp"
#include "ml/reconciler/console.hpp"
#include "ml/reconciler/console_read_model.hpp"
#include "ml/reconciler/json_detail.hpp"
#include "ml/reconciler/revalidation.hpp"

namespace ml::reconciler {
namespace {

using core::HttpRequest;
using core::HttpResponse;
using core::http::status;
using Fields = std::map<std::string, std::string>;

constexpr std::string_view kCookie = "ml_console_session";
constexpr std::string_view kApi = "/console/api/";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "a=1&b=x%20y" (a query string or an application/x-www-form-urlencoded body).
Fields form_fields(std::string_view text) {
  Fields fields;
  while (!text.empty()) {
    const auto end = text.find('&');
    const auto pair = text.substr(0, end);
    const auto equals = pair.find('=');
    if (!pair.empty())
      fields[percent_decoded(pair.substr(0, equals))] =
          equals == std::string_view::npos ? std::string() : percent_decoded(pair.substr(equals + 1));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return fields;
}

Fields query_of(const HttpRequest& request) {
  const std::string_view target(request.target().data(), request.target().size());
  const auto mark = target.find('?');
  return mark == std::string_view::npos ? Fields{} : form_fields(target.substr(mark + 1));
}

std::string field(const Fields& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

// The cookie holds HMAC-SHA256(token, purpose), never the token itself.
std::string session_value(const std::string& token) {
  static constexpr std::string_view purpose = "ml-connector operator console session v1";
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), token.data(), static_cast<int>(token.size()), reinterpret_cast<const unsigned char*>(purpose.data()),
       purpose.size(), mac.data(), &length);
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += {digits[mac[i] >> 4], digits[mac[i] & 15]};
  return hex;
}

std::string cookie(const HttpRequest& request, std::string_view name) {
  const auto header = request[core::http::field::cookie];
  std::string_view rest(header.data(), header.size());
  while (!rest.empty()) {
    const auto end = rest.find(';');
    auto pair = rest.substr(0, end);
    pair.remove_prefix(std::min(pair.find_first_not_of(' '), pair.size()));
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return {};
}

HttpResponse answer(const HttpRequest& request, status code, std::string body,
                    std::string type = "application/json; charset=utf-8") {
  auto response = core::make_response(request, code, std::move(body), std::move(type));
  response.set(core::http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  return response;
}

HttpResponse problem(const HttpRequest& request, status code, const std::string& message) {
  return answer(request, code, JsonObject().text("error", message).str());
}

class Console {
 public:
  Console(store::ConnectionPool& pool, const Reconciler& reconciler, ConsoleOptions options,
          std::function<void()> after_commit)
      : pool_(pool), reconciler_(reconciler), options_(std::move(options)), session_(session_value(options_.token)),
        model_(pool, options_.schema), after_commit_(std::move(after_commit)) {}

  HttpResponse page(const HttpRequest& request) const {
    std::string_view path(request.target().data(), request.target().size());
    path = path.substr(0, path.find('?'));
    const auto name = path == "/console" || path == "/console/" ? std::string_view("index.html")
                                                                : path.substr(std::string_view("/console/").size());
    for (const auto& asset : console_assets()) {
      if (asset.name != name) continue;
      auto response = answer(request, status::ok, std::string(asset.text), std::string(asset.content_type));
      response.set("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
      response.set("X-Frame-Options", "DENY");
      return response;
    }
    return answer(request, status::not_found, "not found\n", "text/plain; charset=utf-8");
  }

  HttpResponse login(const HttpRequest& request) const {
    if (!core::secret_matches(request.body(), options_.token))
      return problem(request, status::unauthorized, "wrong token");
    auto response = answer(request, status::no_content, {});
    response.set(core::http::field::set_cookie,
                 std::string(kCookie) + "=" + session_ + "; Path=/console; HttpOnly; SameSite=Strict");
    return response;
  }

  HttpResponse logout(const HttpRequest& request) const {
    auto response = answer(request, status::no_content, {});
    response.set(core::http::field::set_cookie, std::string(kCookie) + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
    return response;
  }

  HttpResponse api(const HttpRequest& request) const {
    if (!authorized(request)) return problem(request, status::unauthorized, "log in with the console token");
    std::string_view path(request.target().data(), request.target().size());
    const auto name = std::string(path.substr(kApi.size(), path.find('?') - kApi.size()));
    try {
      return request.method() == core::http::verb::get ? read(request, name) : act(request, name);
    } catch (const std::exception& error) {
      return problem(request, status::service_unavailable, error.what());
    }
  }

 private:
  bool authorized(const HttpRequest& request) const {
    const auto header = request[core::http::field::authorization];
    const std::string_view authorization(header.data(), header.size());
    if (authorization.starts_with("Bearer ")) return core::secret_matches(authorization.substr(7), options_.token);
    return core::secret_matches(cookie(request, kCookie), session_);
  }

  HttpResponse read(const HttpRequest& request, const std::string& name) const {
    const auto query = query_of(request);
    if (name == "session")
      return answer(request, status::ok, JsonObject().text("rabbit_ui_url", options_.rabbit_ui_url).str());
    if (name == "summary") return answer(request, status::ok, model_.summary());
    if (name == "orders") {
      const auto states = query.contains("state") ? field(query, "state") : std::string(console_problem_states);
      return answer(request, status::ok, model_.orders(states == "all" ? "" : states));
    }
    if (name == "timeline") {
      const auto order = field(query, "order");
      if (order.empty()) return problem(request, status::bad_request, "timeline needs ?order=NUMBER");
      return answer(request, status::ok, model_.timeline(order));
    }
    if (name == "alerts") return answer(request, status::ok, model_.alerts(field(query, "open") != "0"));
    if (name == "report") {
      const auto from = field(query, "from");
      const auto to = field(query, "to");
      if (!is_date(from) || !is_date(to))
        return problem(request, status::bad_request, "report needs ?from=YYYY-MM-DD&to=YYYY-MM-DD");
      return answer(request, status::ok, model_.report(from, to));
    }
    return problem(request, status::not_found, "no such console call: " + name);
  }

  HttpResponse act(const HttpRequest& request, const std::string& name) const {
    const auto form = form_fields(request.body());
    if (name == "retry") {
      const auto order = field(form, "order");
      if (order.empty()) return problem(request, status::bad_request, "retry needs order=NUMBER");
      const auto keys = revalidate_now(pool_, reconciler_, order, after_commit_);
      if (keys.empty()) return problem(request, status::not_found, "no order numbered " + order);
      return answer(request, status::ok, JsonObject().texts("posting_keys", keys).str());
    }
    if (name == "resolve") {
      const auto id = field(form, "alert_id");
      const auto by = field(form, "by");
      const auto why = field(form, "why");
      if (id.empty() || by.empty() || why.empty())
        return problem(request, status::bad_request, "resolve needs alert_id, by (who) and why");
      if (!model_.resolve_alert(id, by, why)) return problem(request, status::not_found, "no open alert " + id);
      return answer(request, status::ok, JsonObject().text("alert_id", id).text("state", "resolved").str());
    }
    return problem(request, status::not_found, "no such console call: " + name);
  }

  store::ConnectionPool& pool_;
  const Reconciler& reconciler_;
  ConsoleOptions options_;
  std::string session_;
  ConsoleReadModel model_;
  std::function<void()> after_commit_;
};

}  // namespace

void add_console_routes(core::HttpServer& http, store::ConnectionPool& pool, const Reconciler& reconciler,
                        ConsoleOptions options, std::function<void()> after_commit) {
  using core::http::verb;
  const auto console = std::make_shared<Console>(pool, reconciler, std::move(options), std::move(after_commit));
  http.route(verb::post, "/console/login", [console](const HttpRequest& r) { return console->login(r); });
  http.route(verb::post, "/console/logout", [console](const HttpRequest& r) { return console->logout(r); });
  for (const auto method : {verb::get, verb::post})
    http.route_prefix(method, std::string(kApi), [console](const HttpRequest& r) { return console->api(r); });
  http.route(verb::get, "/console", [console](const HttpRequest& r) { return console->page(r); });
  http.route_prefix(verb::get, "/console/", [console](const HttpRequest& r) { return console->page(r); });
}

}  // namespace ml::reconciler
