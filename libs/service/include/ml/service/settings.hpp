#pragma once
/// The settings every service reads, with the same keys and defaults everywhere.
#include <chrono>
#include <cstddef>
#include <string>

#include "ml/bus/broker_url.hpp"
#include "ml/core/config.hpp"
#include "ml/core/http_server.hpp"
#include "ml/core/log.hpp"

namespace ml::service {

struct ServiceSettings {
  std::string pg_url;                        ///< ML_PG_URL (required)
  std::string amqp_url;                      ///< ML_AMQP_URL (required, secret)
  core::HttpServerOptions http;              ///< ML_HTTP_ADDRESS, ML_HTTP_PORT, ML_HTTP_BODY_LIMIT
  std::chrono::milliseconds drain_deadline;  ///< ML_DRAIN_DEADLINE
  std::chrono::milliseconds relay_interval;  ///< ML_OUTBOX_RELAY_INTERVAL
  std::size_t pool_size = 4;                 ///< ML_PG_POOL_SIZE
  core::LogLevel log_level = core::LogLevel::info;  ///< ML_LOG_LEVEL
};

/// Reads the common keys; problems are collected in `config` (call config.finish() afterwards).
ServiceSettings read_service_settings(core::ConfigReader& config);

/// The parsed ML_AMQP_URL; throws std::invalid_argument saying what is wrong with it.
bus::BrokerUrl broker_url(const ServiceSettings& settings);

}  // namespace ml::service
