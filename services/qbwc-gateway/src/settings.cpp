#include "ml/qbwc_gateway/settings.hpp"

namespace ml::qbwc_gateway {
namespace {

std::chrono::seconds whole_seconds(std::chrono::milliseconds d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d);
}

}  // namespace

GatewaySettings read_gateway_settings(core::ConfigReader& config) {
  using namespace std::chrono_literals;
  GatewaySettings s;
  auto& g = s.gateway;
  g.user = config.text("ML_QBWC_USER", std::nullopt);
  const auto hash_text = config.text("ML_QBWC_PASSWORD_HASH", std::nullopt, core::Sensitivity::secret);
  if (!hash_text.empty()) {
    auto hash = PasswordHash::parse(hash_text);
    if (hash)
      g.password = std::move(*hash);
    else
      s.problems.push_back("ML_QBWC_PASSWORD_HASH: " + hash.error());
  }
  g.company_file = config.text("ML_QBWC_COMPANY_FILE", "");
  g.ticket_ttl = whole_seconds(config.duration("ML_QBWC_TICKET_TTL", 30min));
  g.idle_postpone = whole_seconds(config.duration("ML_QBWC_IDLE_POSTPONE", 5min));
  g.max_login_failures = static_cast<std::size_t>(config.integer("ML_QBWC_MAX_LOGIN_FAILURES", 5, 1, 1000));
  g.login_failure_window = whole_seconds(config.duration("ML_QBWC_LOGIN_FAILURE_WINDOW", 15min));
  const BatchLimits batch_defaults;
  g.batch.max_requests = static_cast<std::size_t>(config.integer(
      "ML_QBWC_BATCH_MAX_REQUESTS", static_cast<std::int64_t>(batch_defaults.max_requests), 1, 500));
  g.batch.max_bytes = static_cast<std::size_t>(config.integer(
      "ML_QBWC_BATCH_MAX_BYTES", static_cast<std::int64_t>(batch_defaults.max_bytes), 1024, 64 << 20));
  g.work_wait = config.duration("ML_QBWC_WORK_WAIT", 2s);
  g.batch_fill_wait = config.duration("ML_QBWC_BATCH_FILL_WAIT", 1s);
  g.first_work_wait = config.duration("ML_QBWC_FIRST_WORK_WAIT", 10s);
  g.idle_session_every = whole_seconds(config.duration("ML_QBWC_IDLE_SESSION_EVERY", 15min));
  g.max_query_attempts = static_cast<int>(config.integer("ML_QBWC_MAX_QUERY_ATTEMPTS", 3, 1, 100));

  auto& q = g.qwc;
  q.app_url = config.url("ML_QBWC_PUBLIC_URL", std::nullopt, {"https", "http"});
  if (!q.app_url.empty()) q.app_support = config.url("ML_QBWC_SUPPORT_URL", q.app_url, {"https", "http"});
  q.app_name = config.text("ML_QBWC_APP_NAME", "ml-connector");
  q.app_description = config.text("ML_QBWC_APP_DESCRIPTION", "Keeps QuickBooks Desktop and ShipStation in step");
  q.user_name = g.user;
  q.owner_id = config.text("ML_QBWC_OWNER_ID", std::nullopt);
  q.file_id = config.text("ML_QBWC_FILE_ID", std::nullopt);
  q.schedule = qbwc::RunEveryNMinutes{static_cast<int>(config.integer("ML_QBWC_RUN_EVERY_MINUTES", 5, 1, 1440))};

  if (!q.app_url.empty() && !q.owner_id.empty() && !q.file_id.empty() && !g.user.empty())
    if (auto qwc = qbwc::qwc_document(q); !qwc)
      s.problems.push_back("the .qwc settings are refused by the Web Connector rules: " + qwc.error().element + " " +
                           qwc.error().message);
  s.sweep_interval = config.duration("ML_QBWC_SWEEP_INTERVAL", 30s);
  s.io_threads = static_cast<std::size_t>(config.integer("ML_QBWC_IO_THREADS", 4, 1, 64));
  const auto certificate = config.text("ML_QBWC_TLS_CERT", "");
  const auto key = config.text("ML_QBWC_TLS_KEY", "");
  if (certificate.empty() != key.empty())
    s.problems.push_back("ML_QBWC_TLS_CERT and ML_QBWC_TLS_KEY: give both (HTTPS) or neither (HTTP)");
  else if (!certificate.empty())
    s.tls = core::TlsFiles{certificate, key};
  return s;
}

}  // namespace ml::qbwc_gateway
