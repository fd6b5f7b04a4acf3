#include "ml/shipstation/client.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "client_impl.hpp"
#include "ml/shipstation/parse.hpp"
#include "page_walk.hpp"

namespace ml::shipstation {
namespace {

std::string basic_authorization(const std::string& key, const std::string& secret) {
  const std::string plain = key + ":" + secret;
  std::string encoded(4 * ((plain.size() + 2) / 3), '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                     reinterpret_cast<const unsigned char*>(plain.data()),
                                     static_cast<int>(plain.size()));
  encoded.resize(static_cast<std::size_t>(length));
  return "Basic " + encoded;
}

Url checked_base(const ClientOptions& options) {
  auto base = parse_url(options.base_url);
  if (!base) throw std::invalid_argument("ShipStation base URL: " + base.error());
  if (options.page_size < 1 || options.page_size > 500) {
    throw std::invalid_argument("ShipStation page size must be within 1..500, got " +
                                std::to_string(options.page_size));
  }
  return *base;
}

ClientError answer_error(int status, const std::string& body, const std::string& target) {
  const auto detail = error_body_message(body);
  const std::string what = "GET " + target + " answered " + std::to_string(status) + (detail ? ": " + *detail : "");
  if (status == 401) return {ErrorKind::unauthorized, status, what + " (check the API key and secret)"};
  if (status == 404) return {ErrorKind::not_found, status, what};
  if (status >= 500) return {ErrorKind::server_error, status, what};
  return {ErrorKind::client_error, status, what};
}

template <class T>
Result<T> parsed(Parsed<T> value, const std::string& target) {
  if (!value) return std::unexpected(bad_response(target, value.error()));
  return std::move(*value);
}

std::string window_query(const char* field, const Window& window) {
  return std::string(field) + "Start=" + url_encode(to_pacific_query(window.start)) + "&" + field +
         "End=" + url_encode(to_pacific_query(window.end));
}

/// The target with any includeShipmentItems parameter replaced by includeShipmentItems=true.
std::string with_shipment_items(const std::string& target) {
  const auto question = target.find('?');
  std::string out = target.substr(0, question);
  char separator = '?';
  if (question != std::string::npos) {
    std::string_view query = std::string_view(target).substr(question + 1);
    while (!query.empty()) {
      const auto amp = std::min(query.find('&'), query.size());
      const std::string_view pair = query.substr(0, amp);
      std::string name(pair.substr(0, pair.find('=')));
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      if (!pair.empty() && name != "includeshipmentitems") {
        out += separator;
        out += pair;
        separator = '&';
      }
      query.remove_prefix(std::min(amp + 1, query.size()));
    }
  }
  return out + separator + "includeShipmentItems=true";
}

}  // namespace

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::unauthorized: return "unauthorized";
    case ErrorKind::rate_limited: return "rate_limited";
    case ErrorKind::server_error: return "server_error";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::client_error: return "client_error";
    case ErrorKind::transport: return "transport";
    case ErrorKind::bad_response: return "bad_response";
    case ErrorKind::refused_url: return "refused_url";
  }
  return "unknown";
}

HttpConnection& Client::Impl::connection(const Url& origin) {
  auto& slot = connections[origin.origin()];
  if (!slot) {
    slot = std::make_unique<HttpConnection>(
        origin, HttpSettings{options.connect_timeout, options.io_timeout, options.extra_ca_file});
  }
  return *slot;
}

void Client::Impl::back_off(int failures) {
  sleeper(options.retry_backoff * (1 << std::min(failures - 1, 10)));
}

Result<std::string> Client::Impl::send(const Url& origin, const std::string& target, int server_retries) {
  int failures = 0;
  int throttles = 0;
  for (;;) {
    limiter->acquire();
    ++requests;
    auto reply = connection(origin).get(target, authorization);
    if (!reply) {
      limiter->abandoned();
      if (failures++ < server_retries) {
        back_off(failures);
        continue;
      }
      return std::unexpected(ClientError{ErrorKind::transport, 0, reply.error()});
    }
    if (reply->status == 429) {
      limiter->throttled(reply->rate);
      ++throttled;
      if (throttles++ < options.throttle_retries) continue;
      return std::unexpected(ClientError{ErrorKind::rate_limited, 429,
                                         "GET " + target + " still answered 429 after " +
                                             std::to_string(options.throttle_retries) + " waits"});
    }
    limiter->completed(reply->rate);
    if (reply->status >= 200 && reply->status < 300) return std::move(reply->body);
    if (reply->status >= 500 && failures++ < server_retries) {
      back_off(failures);
      continue;
    }
    return std::unexpected(answer_error(reply->status, reply->body, target));
  }
}

Client::Client(ClientOptions options, std::shared_ptr<RateLimiter> limiter, Sleeper sleeper)
    : impl_(std::make_unique<Impl>()) {
  impl_->base = checked_base(options);
  impl_->authorization = basic_authorization(options.api_key, options.api_secret);
  impl_->limiter = limiter ? std::move(limiter) : shared_rate_limiter(options.api_key);
  impl_->sleeper = sleeper ? std::move(sleeper) : real_sleeper();
  impl_->options = std::move(options);
  impl_->connection(impl_->base);  // loads the CA file now, so a bad one fails at start-up
}

Client::~Client() = default;

Result<std::string> Client::get(std::string_view target) {
  return impl_->send(impl_->base, std::string(target), impl_->options.server_retries);
}

Result<Order> Client::get_order(std::int64_t order_id) {
  const std::string target = "/orders/" + std::to_string(order_id);
  auto body = get(target);
  if (!body) return std::unexpected(body.error());
  return parsed(parse_order(*body), target);
}

Result<std::vector<Store>> Client::list_stores() {
  auto body = get("/stores");
  if (!body) return std::unexpected(body.error());
  return parsed(parse_stores(*body), "/stores");
}

Result<std::vector<Webhook>> Client::list_webhooks() {
  auto body = get("/webhooks");
  if (!body) return std::unexpected(body.error());
  return parsed(parse_webhooks(*body), "/webhooks");
}

Result<WalkSummary> Client::orders_modified(const Window& window, const PageSink<Order>& sink) {
  const std::string target = "/orders?" + window_query("modifyDate", window) + "&sortBy=ModifyDate&sortDir=ASC";
  return PageWalk<Order>(*impl_, impl_->base, target, parse_orders_page, sink).run();
}

Result<WalkSummary> Client::shipments_created(const Window& window, const PageSink<Shipment>& sink) {
  const std::string target =
      "/shipments?" + window_query("createDate", window) + "&includeShipmentItems=true&sortBy=CreateDate&sortDir=ASC";
  return PageWalk<Shipment>(*impl_, impl_->base, target, parse_shipments_page, sink).run();
}

Result<WalkSummary> Client::shipments_voided(const Window& window, const PageSink<Shipment>& sink) {
  const std::string target =
      "/shipments?" + window_query("voidDate", window) + "&includeShipmentItems=true&sortBy=CreateDate&sortDir=ASC";
  return PageWalk<Shipment>(*impl_, impl_->base, target, parse_shipments_page, sink).run();
}

Result<WalkSummary> Client::fulfillments_created(const Window& window, const PageSink<Fulfillment>& sink) {
  const std::string target = "/fulfillments?" + window_query("createDate", window) + "&sortBy=CreateDate&sortDir=ASC";
  return PageWalk<Fulfillment>(*impl_, impl_->base, target, parse_fulfillments_page, sink).run();
}

Result<WalkSummary> Client::orders_at(std::string_view resource_url, const PageSink<Order>& sink) {
  auto url = allowed_resource_url(resource_url, impl_->base);
  if (!url) return std::unexpected(ClientError{ErrorKind::refused_url, 0, url.error()});
  return PageWalk<Order>(*impl_, *url, url->target, parse_orders_page, sink).run();
}

Result<WalkSummary> Client::shipments_at(std::string_view resource_url, const PageSink<Shipment>& sink) {
  auto url = allowed_resource_url(resource_url, impl_->base);
  if (!url) return std::unexpected(ClientError{ErrorKind::refused_url, 0, url.error()});
  return PageWalk<Shipment>(*impl_, *url, with_shipment_items(url->target), parse_shipments_page, sink).run();
}

std::int64_t Client::requests_sent() const { return impl_->requests; }
std::int64_t Client::throttled_responses() const { return impl_->throttled; }

int Client::connections_opened() const {
  int total = 0;
  for (const auto& [origin, connection] : impl_->connections) total += connection->connects();
  return total;
}

TimePoint window_end(TimePoint now, std::chrono::seconds settle) {
  return std::chrono::floor<std::chrono::seconds>(now - settle);
}

Window next_window(TimePoint watermark, TimePoint now, std::chrono::minutes overlap, std::chrono::seconds settle) {
  const TimePoint end = window_end(now, settle);
  TimePoint start = watermark - overlap;
  const auto dst_margin = std::chrono::hours(1) + overlap;
  if (dst_change_between(watermark - dst_margin, end)) start = std::min(start, watermark - dst_margin);
  return {start, end};
}

}  // namespace ml::shipstation
