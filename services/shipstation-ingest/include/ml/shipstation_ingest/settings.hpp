#pragma once
/// The ingest's own configuration (ML_SHIPSTATION_*, ML_SHIPSTATION_INGEST_*), documented in
/// docs/configuration-shipstation-ingest.md.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "ml/core/config.hpp"
#include "ml/shipstation/client.hpp"
#include "ml/shipstation_ingest/poll_window.hpp"

namespace ml::shipstation_ingest {

struct IngestSettings {
  shipstation::ClientOptions client;       ///< base URL, key and secret, CA file, page size
  std::string webhook_token;               ///< the secret path segment of the webhook URL
  std::size_t webhook_body_limit = 65536;  ///< larger webhook bodies → 413 (recorded)
  shipstation::TimePoint sync_from{};      ///< where the first poll (the backfill) starts
  bool poll_enabled = true;
  std::chrono::milliseconds poll_interval{300'000};
  PollTiming timing;
  std::chrono::milliseconds fetch_interval{1'000};        ///< how often the worker looks for due notifications
  int fetch_max_attempts = 10;                            ///< then the notification is marked failed
  std::chrono::milliseconds fetch_retry_backoff{30'000};  ///< doubled per attempt, at most 1 h
  std::chrono::milliseconds fetch_lease{600'000};  ///< a notification claimed by a worker that died waits this long
  std::size_t io_threads = 2;
  std::vector<std::string> problems;  ///< values ConfigReader accepted but the ingest cannot use
};

/// Reads every key; missing or malformed values are collected in `config` (call config.finish()
/// afterwards), values it cannot use (a bad sync-from date, a short token) in `problems`.
IngestSettings read_ingest_settings(core::ConfigReader& config);

/// "2026-03-01" (UTC midnight) or an RFC 3339 instant; nullopt otherwise.
std::optional<shipstation::TimePoint> parse_sync_from(std::string_view text);

}  // namespace ml::shipstation_ingest
