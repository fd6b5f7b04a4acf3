#include "ml/shipstation_sim/webhooks.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>

namespace ml::shipstation_sim {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

bool wants(const Webhook& hook, const char* event, const char* item_event) {
  return hook.event == event || hook.event == item_event;
}

std::string store_part(const Webhook& hook) {
  return hook.store_id ? "storeID=" + std::to_string(*hook.store_id) + "&" : "";
}

struct HttpTarget {
  std::string host;
  std::string port;
  std::string target;
};

std::optional<HttpTarget> parse_http_url(const std::string& url) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) return std::nullopt;
  const auto rest = std::string_view(url).substr(scheme.size());
  const auto slash = rest.find('/');
  const auto authority = rest.substr(0, slash);
  const auto colon = authority.rfind(':');
  HttpTarget out;
  out.host = std::string(authority.substr(0, colon));
  out.port = colon == std::string_view::npos ? "80" : std::string(authority.substr(colon + 1));
  out.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (out.host.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::string WebhookDelivery::body() const {
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  w.StartObject();
  w.Key("resource_url");
  w.String(resource_url.c_str());
  w.Key("resource_type");
  w.String(resource_type.c_str());
  w.EndObject();
  return out.GetString();
}

std::string ResourceHosts::next() {
  if (!override_.empty()) return override_;
  static constexpr std::array<const char*, 5> kHosts{"ssapi6", "ssapi7", "ssapi11", "ssapi", "ssapi3"};
  return std::string("https://") + kHosts[turn_++ % kHosts.size()] + ".shipstation.com";
}

std::vector<WebhookDelivery> order_notifications(const Account& account, const ImportBatch& batch,
                                                 ResourceHosts& hosts) {
  std::vector<WebhookDelivery> out;
  if (!batch.notify) return out;
  for (const auto& [id, hook] : account.webhooks) {
    if (!wants(hook, "ORDER_NOTIFY", "ITEM_ORDER_NOTIFY")) continue;
    if (hook.store_id && *hook.store_id != batch.store_id) continue;
    const auto url = hosts.next() + "/orders?storeID=" + std::to_string(batch.store_id) +
                     "&importBatch=" + batch.import_batch;
    out.push_back({hook.target_url, url, hook.event});
  }
  return out;
}

std::vector<WebhookDelivery> ship_notifications(const Account& account, const LabelBatch& batch,
                                                ResourceHosts& hosts) {
  std::vector<WebhookDelivery> out;
  for (const auto& [id, hook] : account.webhooks) {
    if (!wants(hook, "SHIP_NOTIFY", "ITEM_SHIP_NOTIFY")) continue;
    if (hook.store_id && !batch.store_ids.contains(*hook.store_id)) continue;
    const bool items = hook.event == "ITEM_SHIP_NOTIFY";
    const auto url = hosts.next() + "/shipments?" + store_part(hook) + "batchId=" +
                     std::to_string(batch.batch_id) + "&includeShipmentItems=" + (items ? "True" : "False");
    out.push_back({hook.target_url, url, hook.event});
  }
  return out;
}

class WebhookPost : public std::enable_shared_from_this<WebhookPost> {
 public:
  WebhookPost(net::io_context& io, WebhookDelivery delivery, WebhookSender::Done done)
      : strand_(net::make_strand(io)), timer_(strand_), resolver_(strand_), stream_(strand_),
        delivery_(std::move(delivery)), done_(std::move(done)) {}

  void start(std::chrono::milliseconds delay) {
    timer_.expires_after(delay);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->finish(false, "cancelled");
      self->resolve();
    });
  }

  void cancel() {
    net::post(strand_, [self = shared_from_this()] {
      self->timer_.cancel();
      self->resolver_.cancel();
      self->stream_.cancel();
    });
  }

 private:
  void resolve() {
    target_ = parse_http_url(delivery_.target_url);
    if (!target_) return finish(false, "target is not an http:// URL");
    resolver_.async_resolve(target_->host, target_->port,
                            [self = shared_from_this()](beast::error_code ec, tcp::resolver::results_type hosts) {
                              if (ec) return self->finish(false, ec.message());
                              self->connect(hosts);
                            });
  }

  void connect(const tcp::resolver::results_type& hosts) {
    stream_.expires_after(std::chrono::seconds(10));
    stream_.async_connect(hosts, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return self->finish(false, ec.message());
      self->write();
    });
  }

  void write() {
    request_ = {http::verb::post, target_->target, 11};
    request_.set(http::field::host, target_->host + ":" + target_->port);
    request_.set(http::field::content_type, "application/json; charset=utf-8");
    request_.set(http::field::user_agent, "ShipStation Webhooks");
    request_.body() = delivery_.body();
    request_.prepare_payload();
    http::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->finish(false, ec.message());
      http::async_read(self->stream_, self->buffer_, self->response_,
                       [self](beast::error_code ec, std::size_t) {
                         if (ec) return self->finish(false, ec.message());
                         const auto code = self->response_.result_int();
                         self->finish(code >= 200 && code < 300, "answered " + std::to_string(code));
                       });
    });
  }

  void finish(bool ok, const std::string& detail) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (done_) std::exchange(done_, nullptr)(delivery_, ok, detail);
  }

  net::strand<net::io_context::executor_type> strand_;
  net::steady_timer timer_;
  tcp::resolver resolver_;
  beast::tcp_stream stream_;
  WebhookDelivery delivery_;
  WebhookSender::Done done_;
  std::optional<HttpTarget> target_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  beast::flat_buffer buffer_;
};

struct WebhookSender::State {
  explicit State(net::io_context& i) : io(i) {}
  net::io_context& io;
  std::mutex mutex;
  std::vector<std::weak_ptr<WebhookPost>> pending;
  bool stopped = false;
};

WebhookSender::WebhookSender(net::io_context& io) : state_(std::make_shared<State>(io)) {}

WebhookSender::~WebhookSender() { stop(); }

void WebhookSender::send(WebhookDelivery delivery, std::chrono::milliseconds delay, Done done) {
  auto post = std::make_shared<WebhookPost>(state_->io, std::move(delivery), std::move(done));
  {
    std::lock_guard lock(state_->mutex);
    if (state_->stopped) return;
    std::erase_if(state_->pending, [](const auto& weak) { return weak.expired(); });
    state_->pending.push_back(post);
  }
  post->start(delay);
}

void WebhookSender::stop() {
  std::lock_guard lock(state_->mutex);
  state_->stopped = true;
  for (auto& weak : state_->pending)
    if (auto post = weak.lock()) post->cancel();
  state_->pending.clear();
}

}  // namespace ml::shipstation_sim
