#include "ml/service/settings.hpp"

#include <stdexcept>

namespace ml::service {

ServiceSettings read_service_settings(core::ConfigReader& config) {
  ServiceSettings s;
  s.pg_url = config.url("ML_PG_URL", std::nullopt, {"postgresql", "postgres"}, core::Sensitivity::plain);
  s.amqp_url = config.url("ML_AMQP_URL", std::nullopt, {"amqp", "amqps"}, core::Sensitivity::plain);
  s.http.address = config.text("ML_HTTP_ADDRESS", "0.0.0.0");
  s.http.port = static_cast<unsigned short>(config.integer("ML_HTTP_PORT", 8080, 0, 65535));
  s.http.body_limit = static_cast<std::size_t>(config.integer("ML_HTTP_BODY_LIMIT", 1 << 20, 1024, 1 << 30));
  s.drain_deadline = config.duration("ML_DRAIN_DEADLINE", std::chrono::seconds(10));
  s.relay_interval = config.duration("ML_OUTBOX_RELAY_INTERVAL", std::chrono::milliseconds(500));
  s.pool_size = static_cast<std::size_t>(config.integer("ML_PG_POOL_SIZE", 4, 1, 64));
  s.log_level = *core::parse_log_level(config.choice("ML_LOG_LEVEL", "info", {"debug", "info", "warn", "error"}));
  return s;
}

bus::BrokerUrl broker_url(const ServiceSettings& settings) {
  auto url = bus::parse_broker_url(settings.amqp_url);
  if (!url) throw std::invalid_argument("ML_AMQP_URL: " + url.error());
  return *url;
}

}  // namespace ml::service
