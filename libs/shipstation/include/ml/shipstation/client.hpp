#pragma once
/// The ShipStation V1 client: Basic auth, the shared per-key rate limiter, retries, and list
/// walks that page through a fixed window and isolate a record that breaks its page.
#include <chrono>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ml/shipstation/models.hpp"
#include "ml/shipstation/rate_limiter.hpp"
#include "ml/shipstation/url.hpp"

namespace ml::shipstation {

enum class ErrorKind {
  unauthorized,    ///< 401: wrong key/secret; never retried
  rate_limited,    ///< still 429 after the allowed waits
  server_error,    ///< 5xx after the allowed retries
  not_found,       ///< 404
  client_error,    ///< any other 4xx
  transport,       ///< no answer: DNS, connect, TLS, timeout
  bad_response,    ///< an answer that cannot be parsed
  refused_url,     ///< a resource_url outside the allow-list
};

struct ClientError {
  ErrorKind kind;
  int status = 0;  ///< HTTP status when there was an answer
  std::string message;
};

template <class T>
using Result = std::expected<T, ClientError>;

struct ClientOptions {
  std::string base_url = "https://ssapi.shipstation.com";
  std::string api_key;
  std::string api_secret;
  std::string extra_ca_file;  ///< PEM CAs trusted besides the system store (e.g. a TLS-inspecting proxy)
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds io_timeout{60'000};  ///< per write and per read
  int page_size = 500;                           ///< 1..500
  int server_retries = 3;                        ///< retries of a 5xx or a failed connection
  std::chrono::milliseconds retry_backoff{1'000};  ///< doubled before each further retry
  int throttle_retries = 5;                      ///< 429s tolerated in a row for one request
  int max_poison_per_walk = 10;                  ///< more isolated records than this aborts a walk
};

/// A time range to list; `end` is fixed when the walk starts so records modified meanwhile
/// cannot shift pages.
struct Window {
  TimePoint start;
  TimePoint end;
};

/// Where a window planned at `now` ends: `now - settle`, rounded down to a whole second, because
/// ShipStation's date filters name whole seconds. A window must end where its query ends, or its
/// watermark would claim the part-second after the query's end that it never asked for.
TimePoint window_end(TimePoint now, std::chrono::seconds settle);

/// The window for the next poll: from `watermark - overlap` to window_end(now, settle). The overlap grows
/// to at least one hour (plus the configured overlap) when a daylight-saving change is near,
/// because ShipStation compares Pacific wall-clock times and the fall-back hour repeats them.
Window next_window(TimePoint watermark, TimePoint now, std::chrono::minutes overlap = std::chrono::minutes(10),
                   std::chrono::seconds settle = std::chrono::seconds(60));

/// A record whose page the server could not produce even at pageSize=1; all others were delivered.
struct PoisonRecord {
  std::string list_target;  ///< the list request without page/pageSize
  std::int64_t position;    ///< 0-based position in the walk; page = position + 1 at pageSize=1
  std::string error;
};

struct WalkSummary {
  std::int64_t records = 0;   ///< records delivered
  std::int64_t requests = 0;  ///< HTTP requests the walk sent (retries included)
  std::int64_t total = 0;     ///< `total` reported by the server
  std::vector<PoisonRecord> poison;
};

/// Receives each page's records in order.
template <class Record>
using PageSink = std::function<void(std::vector<Record>&&)>;

class Client {
 public:
  /// `limiter` defaults to the process-wide limiter of the API key; `sleeper` (used for retry
  /// backoff) defaults to real sleeping.
  explicit Client(ClientOptions options, std::shared_ptr<RateLimiter> limiter = nullptr, Sleeper sleeper = nullptr);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  Result<Order> get_order(std::int64_t order_id);
  Result<std::vector<Store>> list_stores();
  Result<std::vector<Webhook>> list_webhooks();

  /// Orders modified in the window, oldest modification first.
  Result<WalkSummary> orders_modified(const Window& window, const PageSink<Order>& sink);
  /// Labels created in the window, with their shipmentItems.
  Result<WalkSummary> shipments_created(const Window& window, const PageSink<Shipment>& sink);
  /// Labels voided in the window, with their shipmentItems.
  Result<WalkSummary> shipments_voided(const Window& window, const PageSink<Shipment>& sink);
  /// Orders marked as shipped (fulfillments) created in the window.
  Result<WalkSummary> fulfillments_created(const Window& window, const PageSink<Fulfillment>& sink);

  /// Every order a webhook's `resource_url` (ORDER_NOTIFY) lists; refused outside the allow-list.
  Result<WalkSummary> orders_at(std::string_view resource_url, const PageSink<Order>& sink);
  /// Every shipment a webhook's `resource_url` (SHIP_NOTIFY) lists, always with shipmentItems.
  Result<WalkSummary> shipments_at(std::string_view resource_url, const PageSink<Shipment>& sink);

  /// The body of a GET of `target` (path and query) on the base URL, after rate limiting and retries.
  Result<std::string> get(std::string_view target);

  /// Requests sent, 429s received and connections opened since construction.
  std::int64_t requests_sent() const;
  std::int64_t throttled_responses() const;
  int connections_opened() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// "unauthorized", "server_error", ...
std::string_view to_string(ErrorKind kind);

}  // namespace ml::shipstation
