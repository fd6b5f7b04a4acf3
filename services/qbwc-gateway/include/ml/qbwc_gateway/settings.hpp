#pragma once
/// The gateway's own configuration keys (ML_QBWC_*), documented in docs/configuration-qbwc-gateway.md.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ml/core/config.hpp"
#include "ml/core/http_server.hpp"
#include "ml/qbwc_gateway/gateway.hpp"

namespace ml::qbwc_gateway {

struct GatewaySettings {
  GatewayOptions gateway;
  std::chrono::milliseconds sweep_interval{30'000};  ///< how often expired tickets are looked for
  std::size_t io_threads = 4;                        ///< HTTP threads (a call may wait for work)
  std::optional<core::TlsFiles> tls;                 ///< ML_QBWC_TLS_CERT + ML_QBWC_TLS_KEY: serve HTTPS
  std::vector<std::string> problems;                 ///< values ConfigReader accepted but the gateway cannot use
};

/// Reads every ML_QBWC_* key; missing or malformed values are collected in `config` (call
/// config.finish() afterwards), a bad password hash or .qwc setting in `problems`.
GatewaySettings read_gateway_settings(core::ConfigReader& config);

}  // namespace ml::qbwc_gateway
