#include "ml/shipstation_ingest/webhook_endpoint.hpp"

#include "ml/core/secret.hpp"

namespace ml::shipstation_ingest {
namespace {

namespace http = core::http;

std::string_view token_of(const core::HttpRequest& request) {
  std::string_view target(request.target().data(), request.target().size());
  target = target.substr(0, target.find('?'));
  target.remove_prefix(std::min(target.size(), std::string_view(kWebhookPrefix).size()));
  return target;
}

}  // namespace

WebhookEndpoint::WebhookEndpoint(IngestStore& store, WebhookOptions options, IngestMetrics& metrics, core::Logger& log)
    : store_(store), options_(std::move(options)), metrics_(metrics), log_(log) {}

void WebhookEndpoint::register_routes(core::HttpServer& server) {
  server.route_prefix(http::verb::post, kWebhookPrefix, [this](const core::HttpRequest& r) { return handle(r); });
}

core::HttpResponse WebhookEndpoint::handle(const core::HttpRequest& request) {
  try {
    if (!core::secret_matches(token_of(request), options_.token))
      return reject(request, http::status::not_found, "wrong_token", "wrong token", "not found");
    if (request.body().size() > options_.body_limit)
      return reject(request, http::status::payload_too_large, "too_large",
                    "webhook body is larger than " + std::to_string(options_.body_limit) + " bytes");
    auto notification = parse_notification(request.body(), options_.base);
    if (!notification) {
      const bool refused = notification.error().kind == NotificationError::Kind::refused_url;
      return reject(request, http::status::bad_request, refused ? "refused_url" : "malformed",
                    notification.error().reason);
    }
    metrics_.webhook_received();
    const auto outcome = store_.store_notification(*notification);
    log_.info(
        outcome == StoreOutcome::stored ? "webhook stored" : "webhook repeated, ignored",
        {{"resource_url", notification->resource_url}, {"resource_type", notification->resource_type.value_or("")}});
    if (outcome == StoreOutcome::stored && options_.after_store) options_.after_store();
    return core::make_response(request, http::status::ok,
                               outcome == StoreOutcome::stored ? "stored\n" : "already received\n");
  } catch (const std::exception& e) {
    log_.error("webhook could not be stored", {{"error", e.what()}});
    return core::make_response(request, http::status::service_unavailable, "the notification could not be stored\n");
  }
}

core::HttpResponse WebhookEndpoint::reject(const core::HttpRequest& request, http::status status,
                                           std::string_view metric, const std::string& reason,
                                           std::optional<std::string> answer) {
  metrics_.webhook_rejected(metric);
  log_.warn("webhook refused", {{"status", static_cast<int>(status)}, {"reason", reason}});
  store_.record_rejection(static_cast<int>(status), reason, request.body());
  return core::make_response(request, status, answer.value_or(reason) + "\n");
}

}  // namespace ml::shipstation_ingest
