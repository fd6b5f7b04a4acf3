#pragma once
/// V1 webhook deliveries: which subscriptions an import or label batch notifies, the
/// {resource_url, resource_type} body, and the HTTP POST to the subscriber's target URL.
#include <utility>  // Boost 1.74's asio headers miss it

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ml/shipstation_sim/account.hpp"

namespace ml::shipstation_sim {

struct WebhookDelivery {
  std::string target_url;
  std::string resource_url;
  std::string resource_type;

  /// {"resource_url":"…","resource_type":"…"}
  std::string body() const;
};

/// Where resource URLs point. ShipStation uses numbered hosts (ssapi6, ssapi11, …); the path and
/// query work against the simulator too. A non-empty `base_override` (e.g. "http://127.0.0.1:8080")
/// is used instead, for subscribers that fetch the URL as given.
class ResourceHosts {
 public:
  explicit ResourceHosts(std::string base_override = {}) : override_(std::move(base_override)) {}
  /// "https://ssapiN.shipstation.com" (rotating) or the override.
  std::string next();

 private:
  std::string override_;
  std::size_t turn_ = 0;
};

/// ORDER_NOTIFY / ITEM_ORDER_NOTIFY for one import batch (nothing when !batch.notify).
std::vector<WebhookDelivery> order_notifications(const Account& account, const ImportBatch& batch,
                                                 ResourceHosts& hosts);
/// SHIP_NOTIFY / ITEM_SHIP_NOTIFY for one label batch.
std::vector<WebhookDelivery> ship_notifications(const Account& account, const LabelBatch& batch,
                                                ResourceHosts& hosts);

/// POSTs deliveries to http:// target URLs on the given io_context, once each, no retries
/// (ShipStation documents none). https targets are reported as failures.
class WebhookSender {
 public:
  /// Told how each delivery ended: ok on a 2xx answer; otherwise `detail` says what went wrong.
  using Done = std::function<void(const WebhookDelivery& delivery, bool ok, const std::string& detail)>;

  explicit WebhookSender(boost::asio::io_context& io);
  ~WebhookSender();

  /// Sends after `delay`, then calls `done` (also when abandoned by stop()).
  void send(WebhookDelivery delivery, std::chrono::milliseconds delay, Done done);
  /// Abandons deliveries not yet completed.
  void stop();

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace ml::shipstation_sim
