#include "scripted_service.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <tinyxml2.h>

#include <chrono>

namespace ml::qbwc_sim::test {
namespace {

std::string local_name(const char* name) {
  const std::string text = name;
  const auto colon = text.find(':');
  return colon == std::string::npos ? text : text.substr(colon + 1);
}

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

RecordedCall parse_call(const core::HttpRequest& request) {
  RecordedCall call;
  call.soap_action = std::string(request["SOAPAction"]);
  call.content_type = std::string(request[core::http::field::content_type]);
  call.user_agent = std::string(request[core::http::field::user_agent]);
  tinyxml2::XMLDocument doc;
  doc.Parse(request.body().c_str());
  const auto* body = doc.RootElement() ? doc.RootElement()->FirstChildElement("soap:Body") : nullptr;
  const auto* method = body ? body->FirstChildElement() : nullptr;
  if (!method) return call;
  call.method = local_name(method->Name());
  for (const auto* p = method->FirstChildElement(); p; p = p->NextSiblingElement())
    call.params[local_name(p->Name())] = p->GetText() ? p->GetText() : "";
  return call;
}

}  // namespace

ScriptedService::ScriptedService() {
  core::HttpServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.body_limit = 64 * 1024 * 1024;
  server_ = std::make_unique<core::HttpServer>(io_, options, std::make_shared<prometheus::Registry>(), log_);
  server_->route(core::http::verb::post, "/qbwc", [this](const core::HttpRequest& r) { return handle(r); });
  if (auto ec = server_->start()) throw std::runtime_error("scripted service cannot listen: " + ec.message());
  thread_ = std::thread([this] {
    auto guard = boost::asio::make_work_guard(io_);
    io_.run();
  });
}

ScriptedService::~ScriptedService() {
  io_.stop();
  thread_.join();
}

std::string ScriptedService::url() const { return "http://127.0.0.1:" + std::to_string(server_->port()) + "/qbwc"; }

std::vector<RecordedCall> ScriptedService::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::vector<std::string> ScriptedService::methods() const {
  std::vector<std::string> out;
  for (const auto& call : calls()) out.push_back(call.method);
  return out;
}

bool ScriptedService::wait_for_calls(std::size_t count) const {
  for (int i = 0; i < 500; ++i) {
    if (calls().size() >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string ScriptedService::answer(const RecordedCall& call) {
  const std::string& m = call.method;
  if (m == "authenticate") {
    std::string strings;
    for (const auto& s : authenticate_result) strings += "<string>" + escape(s) + "</string>";
    return strings;
  }
  if (m == "serverVersion") return "1.0.0";
  if (m == "clientVersion") return escape(client_version_result);
  if (m == "sendRequestXML") {
    if (requests.empty()) return "";
    std::string next = std::move(requests.front());
    requests.pop_front();
    return escape(next);
  }
  if (m == "receiveResponseXML") return std::to_string(percent(requests.size()));
  if (m == "getLastError") {
    std::string text = last_errors.front();
    if (last_errors.size() > 1) last_errors.pop_front();
    return escape(text);
  }
  if (m == "connectionError") return escape(connection_error_result);
  return "OK";
}

core::HttpResponse ScriptedService::handle(const core::HttpRequest& request) {
  RecordedCall call = parse_call(request);
  const std::string result = answer(call);
  {
    std::lock_guard lock(mutex_);
    calls_.push_back(call);
  }
  const std::string& m = call.method;
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      "<soap:Body><" + m + "Response xmlns=\"http://developer.intuit.com/\"><" + m + "Result>" + result + "</" + m +
      "Result></" + m + "Response></soap:Body></soap:Envelope>";
  return core::make_response(request, core::http::status::ok, body, "text/xml; charset=utf-8");
}

}  // namespace ml::qbwc_sim::test
