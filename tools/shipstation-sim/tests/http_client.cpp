#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <prometheus/registry.h>

#include <sstream>

namespace sim_test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

rapidjson::Document Reply::json() const {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  return doc;
}

Reply request(unsigned short port, http::verb method, const std::string& target,
              const std::optional<std::string>& auth, const std::string& body) {
  net::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (auth) req.set(http::field::authorization, *auth);
  if (!body.empty()) {
    req.set(http::field::content_type, "application/json");
    req.body() = body;
  }
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  beast::error_code ignored;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  Reply reply;
  reply.status = res.result_int();
  reply.body = res.body();
  reply.headers = res.base();
  return reply;
}

namespace {

/// Lets the io_context run out of work after a stop (so sessions close and nothing leaks), and
/// forces it to stop only if that takes too long.
void drain(net::io_context& io, std::thread& thread) {
  for (int i = 0; i < 100 && !io.stopped(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  io.stop();
  thread.join();
}

}  // namespace

ml::core::TimePoint utc(const char* rfc3339) { return *ml::core::parse_rfc3339(rfc3339); }

RunningSim::RunningSim(sim::SimOptions options, const char* start)
    : clock_(std::make_shared<ml::core::ManualClock>(utc(start))) {
  options.clock = clock_;
  options.port = 0;
  server_ = std::make_unique<sim::SimServer>(io_, std::move(options));
  if (auto ec = server_->start()) throw std::runtime_error("simulator cannot listen: " + ec.message());
  thread_ = std::thread([this] { io_.run(); });
}

RunningSim::~RunningSim() {
  server_->stop();
  drain(io_, thread_);
}

std::int64_t RunningSim::store(std::size_t index) {
  std::int64_t id = 0;
  scenario().inspect([&](const sim::Account& account) { id = account.stores.at(index).store_id; });
  return id;
}

WebhookReceiver::WebhookReceiver() : log_("webhook-receiver") {
  ml::core::HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  server_ = std::make_unique<ml::core::HttpServer>(io_, options, std::make_shared<prometheus::Registry>(), log_);
  server_->route(http::verb::post, "/hook", [this](const ml::core::HttpRequest& req) {
    {
      std::lock_guard lock(mutex_);
      bodies_.push_back(req.body());
    }
    arrived_.notify_all();
    return ml::core::make_response(req, http::status::ok, "");
  });
  if (auto ec = server_->start()) throw std::runtime_error("receiver cannot listen: " + ec.message());
  thread_ = std::thread([this] { io_.run(); });
}

WebhookReceiver::~WebhookReceiver() {
  server_->stop();
  drain(io_, thread_);
}

std::string WebhookReceiver::url() const { return "http://127.0.0.1:" + std::to_string(server_->port()) + "/hook"; }

std::vector<std::string> WebhookReceiver::wait_for(std::size_t count, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, timeout, [&] { return bodies_.size() >= count; });
  return bodies_;
}

sim::NewOrder simple_order(std::int64_t store_id, std::string number) {
  sim::NewOrder order;
  order.store_id = store_id;
  order.order_number = std::move(number);
  order.customer_name = "Ada Lovelace";
  order.customer_email = "ada@example.com";
  order.ship_to.name = "Ada Lovelace";
  order.ship_to.street1 = "12 Analytical Way";
  order.ship_to.city = "Portland";
  order.ship_to.state = "OR";
  order.ship_to.postal_code = "97205";
  order.ship_to.country = "US";
  order.items.push_back({"HG-OAK-1000", "Oak Cutting Board", 10, ml::core::Decimal::from_string("2.50"),
                         ml::core::Decimal::from_string("8"), false, {}});
  return order;
}

std::set<std::string> keys_of(const rapidjson::Value& object) {
  std::set<std::string> keys;
  for (const auto& member : object.GetObject()) keys.insert(member.name.GetString());
  return keys;
}

}  // namespace sim_test
