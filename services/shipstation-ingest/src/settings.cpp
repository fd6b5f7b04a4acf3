#include "ml/shipstation_ingest/settings.hpp"

#include "ml/messages/time.hpp"

namespace ml::shipstation_ingest {

std::optional<shipstation::TimePoint> parse_sync_from(std::string_view text) {
  if (auto day = messages::parse_date(text)) return std::chrono::sys_days(*day);
  return core::parse_rfc3339(text);
}

IngestSettings read_ingest_settings(core::ConfigReader& config) {
  using namespace std::chrono_literals;
  IngestSettings s;
  auto& c = s.client;
  c.base_url = config.url("ML_SHIPSTATION_BASE_URL", c.base_url, {"https", "http"});
  c.api_key = config.text("ML_SHIPSTATION_API_KEY", std::nullopt, core::Sensitivity::secret);
  c.api_secret = config.text("ML_SHIPSTATION_API_SECRET", std::nullopt, core::Sensitivity::secret);
  c.extra_ca_file = config.text("ML_SHIPSTATION_EXTRA_CA_FILE", "");
  c.page_size = static_cast<int>(config.integer("ML_SHIPSTATION_PAGE_SIZE", 500, 1, 500));
  if (!shipstation::parse_url(c.base_url)) s.problems.push_back("ML_SHIPSTATION_BASE_URL: not a usable URL");

  s.webhook_token = config.text("ML_SHIPSTATION_INGEST_WEBHOOK_TOKEN", std::nullopt, core::Sensitivity::secret);
  if (!s.webhook_token.empty() && s.webhook_token.size() < 16)
    s.problems.push_back("ML_SHIPSTATION_INGEST_WEBHOOK_TOKEN: must be at least 16 characters");
  s.webhook_body_limit =
      static_cast<std::size_t>(config.integer("ML_SHIPSTATION_INGEST_WEBHOOK_BODY_LIMIT", 65536, 256, 1 << 20));
  const auto sync_from = config.text("ML_SHIPSTATION_INGEST_SYNC_FROM", std::nullopt);
  if (auto parsed = parse_sync_from(sync_from))
    s.sync_from = *parsed;
  else if (!sync_from.empty())
    s.problems.push_back("ML_SHIPSTATION_INGEST_SYNC_FROM: \"" + sync_from +
                         "\" is neither a date like 2026-03-01 nor an instant like 2026-03-01T08:00:00Z");
  s.poll_enabled = config.flag("ML_SHIPSTATION_INGEST_POLL_ENABLED", true);
  s.poll_interval = config.duration("ML_SHIPSTATION_INGEST_POLL_INTERVAL", 5min);
  s.timing.overlap =
      std::chrono::duration_cast<std::chrono::minutes>(config.duration("ML_SHIPSTATION_INGEST_POLL_OVERLAP", 10min));
  s.timing.settle =
      std::chrono::duration_cast<std::chrono::seconds>(config.duration("ML_SHIPSTATION_INGEST_POLL_SETTLE", 60s));
  s.fetch_interval = config.duration("ML_SHIPSTATION_INGEST_FETCH_INTERVAL", 1s);
  s.fetch_max_attempts = static_cast<int>(config.integer("ML_SHIPSTATION_INGEST_FETCH_MAX_ATTEMPTS", 10, 1, 1000));
  s.fetch_retry_backoff = config.duration("ML_SHIPSTATION_INGEST_FETCH_RETRY_BACKOFF", 30s);
  s.fetch_lease = config.duration("ML_SHIPSTATION_INGEST_FETCH_LEASE", 10min);
  s.io_threads = static_cast<std::size_t>(config.integer("ML_SHIPSTATION_INGEST_IO_THREADS", 2, 1, 64));
  return s;
}

}  // namespace ml::shipstation_ingest
