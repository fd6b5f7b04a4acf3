#pragma once
/// The ingest's tables (schema from migrations/): webhook notifications and rejections, published
/// versions, skipped records and poll watermarks. Notifications and rejections are written
/// together with their audit record in one transaction.
#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "ml/shipstation/pacific_time.hpp"
#include "ml/shipstation_ingest/normalize.hpp"
#include "ml/shipstation_ingest/notification.hpp"
#include "ml/shipstation_ingest/poll_window.hpp"
#include "ml/store/pool.hpp"

namespace ml::shipstation_ingest {

inline constexpr const char* kServiceName = "shipstation-ingest";

/// A notification whose resource is due to be fetched.
struct ClaimedNotification {
  std::int64_t id = 0;
  std::string resource_url;
  std::optional<std::string> resource_type;
  ResourceKind kind = ResourceKind::orders;
  int attempts = 0;  ///< including this one
};

enum class StoreOutcome { stored, duplicate };

/// A short, stable id of an API key for watermarks and lock keys (hex of its SHA-256), so the
/// key itself is never stored.
std::string api_key_id(std::string_view api_key);

class IngestStore {
 public:
  IngestStore(store::ConnectionPool& pool, std::string schema);

  store::ConnectionPool& pool() { return pool_; }
  const std::string& schema() const { return schema_; }

  /// Stores a new notification (and its audit record) and commits; a resource_url already known
  /// is a duplicate and changes nothing.
  StoreOutcome store_notification(const Notification& notification);
  /// Records a refused webhook request (table and audit) and commits. The body is kept up to
  /// 1 KiB; the token is never stored.
  void record_rejection(int status, std::string_view reason, std::string_view body);

  /// Takes the oldest due notification for `lease` (another worker skips it meanwhile).
  std::optional<ClaimedNotification> claim_due(std::chrono::milliseconds lease);
  /// Within `tx`: the notification's resource is stored as batch `batch_id`.
  void mark_fetched(pqxx::work& tx, std::int64_t id, std::string_view batch_id);
  /// The fetch failed; try again after `delay`.
  void retry_later(std::int64_t id, std::string_view error, std::chrono::milliseconds delay);
  /// The fetch failed for good; the notification stays recorded as failed.
  void give_up(std::int64_t id, std::string_view error);

  /// Within `tx`: true when this order version was not published before (it is now recorded).
  bool claim_version(pqxx::work& tx, const OrderVersion& version, std::string_view raw, std::string_view batch_id);
  bool claim_version(pqxx::work& tx, const ShipmentVersion& version, std::string_view batch_id);
  /// Within `tx`: a record that could not be published or read.
  void record_skipped(pqxx::work& tx, std::string_view batch_id, std::string_view kind,
                      std::optional<std::string> record_id, std::string_view reason);

  std::optional<shipstation::TimePoint> watermark(std::string_view key_id, Stream stream);
  void set_watermark(std::string_view key_id, Stream stream, shipstation::TimePoint watermark);

 private:
  std::string table(std::string_view name) const;

  store::ConnectionPool& pool_;
  std::string schema_;
  std::string quoted_;
};

}  // namespace ml::shipstation_ingest
