#pragma once
/// `POST /webhooks/shipstation/{token}`: checks the token in constant time, stores the
/// notification with its audit record in one transaction, then answers 200 at once; the fetch
/// happens later in the ResourceWorker. Refusals are recorded and answered:
/// wrong token → 404, body over the limit → 413, malformed or URL not allowed → 400 with the reason.
#include <functional>
#include <optional>
#include <string>

#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"
#include "ml/shipstation/url.hpp"
#include "ml/shipstation_ingest/ingest_store.hpp"
#include "ml/shipstation_ingest/metrics.hpp"

namespace ml::shipstation_ingest {

inline constexpr const char* kWebhookPrefix = "/webhooks/shipstation/";

struct WebhookOptions {
  std::string token{};
  std::size_t body_limit = 65536;
  shipstation::Url base{};              ///< the API's base URL (its origin is allowed besides ssapiN)
  std::function<void()> after_store{};  ///< e.g. wakes the resource worker
};

class WebhookEndpoint {
 public:
  WebhookEndpoint(IngestStore& store, WebhookOptions options, IngestMetrics& metrics, core::Logger& log);

  void register_routes(core::HttpServer& server);
  core::HttpResponse handle(const core::HttpRequest& request);

 private:
  /// Records and answers a refusal; `answer` replaces `reason` in the response body when set.
  core::HttpResponse reject(const core::HttpRequest& request, core::http::status status, std::string_view metric,
                            const std::string& reason, std::optional<std::string> answer = std::nullopt);

  IngestStore& store_;
  WebhookOptions options_;
  IngestMetrics& metrics_;
  core::Logger& log_;
};

}  // namespace ml::shipstation_ingest
