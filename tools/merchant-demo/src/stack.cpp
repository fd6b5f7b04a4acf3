#include "ml/merchant_demo/stack.hpp"

#include <pqxx/pqxx>

#include <sstream>
#include <thread>

#include "ml/qbwc_gateway/password.hpp"
#include "ml/qbwc_sim/company_json.hpp"
#include "ml/qbwc_sim/seed.hpp"

namespace ml::merchant_demo {
namespace {

using namespace std::chrono_literals;

constexpr const char* kWebConnectorUser = "demo-sync";
constexpr const char* kWebConnectorPassword = "demo web connector password";

struct UrlParts {
  std::string scheme_and_authority;  ///< "postgresql://ml@127.0.0.1:54330"
  std::string user_info;             ///< "ml:ml"
  unsigned short port = 0;
};

UrlParts split_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) throw StackError("not a URL: " + url);
  const auto path = url.find('/', scheme_end + 3);
  UrlParts parts{url.substr(0, path), {}, 0};
  auto authority = url.substr(scheme_end + 3, path == std::string::npos ? std::string::npos : path - scheme_end - 3);
  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    parts.user_info = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  if (const auto colon = authority.rfind(':'); colon != std::string::npos)
    parts.port = static_cast<unsigned short>(std::stoi(authority.substr(colon + 1)));
  return parts;
}

std::int64_t count(pqxx::work& tx, const std::string& sql) {
  try {
    pqxx::subtransaction sub(tx, "count");
    const auto value = sub.exec1(sql)[0].as<std::int64_t>();
    sub.commit();
    return value;
  } catch (const pqxx::sql_error&) {
    return -1;  // a service has not created its table yet
  }
}

}  // namespace

MerchantStack::MerchantStack(StackOptions options) : options_(std::move(options)) {
  std::filesystem::create_directories(options_.work_dir);
  webhook_token_ = "whk" + std::to_string(options_.seed) + "t0ken-" + options_.name;
  create_database_and_vhost();
  try {
    start_shipstation_sim();
    seed_quickbooks();
    const Environment none;
    start_service("qbwc-gateway", none);
    start_service("qbxml-writer", none);
    start_service("reconciler", none);
    start_service("shipstation-ingest", none);
    subscribe_webhooks();
    start_web_connector();
  } catch (...) {
    stop();
    if (!options_.keep_database) drop_database_and_vhost();
    throw;
  }
}

MerchantStack::~MerchantStack() {
  stop();
  if (!options_.keep_database) drop_database_and_vhost();
}

void MerchantStack::create_database_and_vhost() {
  const auto pg = split_url(options_.pg_url);
  database_url_ = pg.scheme_and_authority + "/" + options_.name;
  {
    pqxx::connection admin(options_.pg_url);
    pqxx::nontransaction tx(admin);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(options_.name) + " WITH (FORCE)");
    tx.exec0("CREATE DATABASE " + tx.quote_name(options_.name));
  }
  const auto amqp = split_url(options_.amqp_url);
  amqp_url_ = amqp.scheme_and_authority + "/" + options_.name;
  const auto management = split_url(options_.rabbit_management_url);
  const auto user = amqp.user_info.substr(0, amqp.user_info.find(':'));
  http_exchange(management.port, "DELETE", "/api/vhosts/" + options_.name, {}, amqp.user_info);
  if (http_exchange(management.port, "PUT", "/api/vhosts/" + options_.name, "{}", amqp.user_info).status / 100 != 2 ||
      http_exchange(management.port, "PUT", "/api/permissions/" + options_.name + "/" + user,
                    R"({"configure":".*","write":".*","read":".*"})", amqp.user_info)
                  .status / 100 != 2)
    throw StackError("cannot create RabbitMQ virtual host " + options_.name + " through " + options_.rabbit_management_url);
}

void MerchantStack::drop_database_and_vhost() {
  try {
    pqxx::connection admin(options_.pg_url);
    pqxx::nontransaction tx(admin);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(options_.name) + " WITH (FORCE)");
  } catch (const std::exception&) {
  }
  const auto amqp = split_url(options_.amqp_url);
  http_exchange(split_url(options_.rabbit_management_url).port, "DELETE", "/api/vhosts/" + options_.name, {},
                amqp.user_info);
}

void MerchantStack::start_shipstation_sim() {
  const auto port = free_port();
  ports_["shipstation-sim"] = port;
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  auto sim = std::make_unique<ChildProcess>(
      options_.binary_dir / "tools/shipstation-sim/shipstation-sim",
      std::vector<std::string>{"serve", "--port", std::to_string(port), "--bind", "127.0.0.1", "--seed",
                               std::to_string(options_.seed), "--orders", std::to_string(options_.orders), "--month",
                               options_.month, "--resource-base-url", base},
      Environment{}, options_.work_dir / "shipstation-sim.log");
  if (!sim->wait_ready(port, 60s)) throw StackError("shipstation-sim did not start; see " + sim->log_file().string());
  children_["shipstation-sim"] = std::move(sim);
}

void MerchantStack::seed_quickbooks() {
  const auto catalogue = shipstation_admin("GET", "/_sim/catalogue");
  if (catalogue.status != 200) throw StackError("shipstation-sim gave no catalogue");
  auto company = qbwc_sim::merchant_company(catalogue.body, 100000);
  if (!company) throw StackError(company.error());
  if (auto saved = qbwc_sim::save_company(*company, options_.work_dir / "quickbooks-company.json"); !saved)
    throw StackError(saved.error());
}

void MerchantStack::start_service(const std::string& name, Environment settings) {
  const auto port = free_port();
  ports_[name] = port;
  Environment env{{"ML_PG_URL", database_url_},
                  {"ML_AMQP_URL", amqp_url_},
                  {"ML_HTTP_ADDRESS", "127.0.0.1"},
                  {"ML_HTTP_PORT", std::to_string(port)},
                  {"ML_OUTBOX_RELAY_INTERVAL", "200ms"},
                  {"ML_DRAIN_DEADLINE", "5s"},
                  {"ML_LOG_LEVEL", "info"}};
  const std::string port_text = std::to_string(port);
  if (name == "qbwc-gateway") {
    env.insert(env.end(), {{"ML_QBWC_USER", kWebConnectorUser},
                           {"ML_QBWC_PASSWORD_HASH", qbwc_gateway::hash_password(kWebConnectorPassword, 1000).to_string()},
                           {"ML_QBWC_PUBLIC_URL", "http://localhost:" + port_text + "/qbwc"},
                           {"ML_QBWC_OWNER_ID", "{6A1E4B52-0D3C-4F1B-9C47-2E8D5A7B3C10}"},
                           {"ML_QBWC_FILE_ID", "{0B7F2C93-8E14-4A6D-B5C2-7D91E3F4A628}"},
                           {"ML_QBWC_IDLE_POSTPONE", "2s"},
                           {"ML_QBWC_IDLE_SESSION_EVERY", "20s"},
                           {"ML_QBWC_FIRST_WORK_WAIT", "2s"},
                           {"ML_QBWC_WORK_WAIT", "1s"},
                           {"ML_QBWC_SWEEP_INTERVAL", "2s"},
                           {"ML_QBWC_TICKET_TTL", "60s"}});
  } else if (name == "reconciler") {
    env.push_back({"ML_RECONCILER_STORE_QUALIFIED_KEYS", "true"});
  } else if (name == "shipstation-ingest") {
    env.insert(env.end(), {{"ML_SHIPSTATION_BASE_URL", shipstation_base_url()},
                           {"ML_SHIPSTATION_API_KEY", shipstation_key()},
                           {"ML_SHIPSTATION_API_SECRET", shipstation_secret()},
                           {"ML_SHIPSTATION_INGEST_WEBHOOK_TOKEN", webhook_token_},
                           {"ML_SHIPSTATION_INGEST_SYNC_FROM", options_.month + "-01"},
                           {"ML_SHIPSTATION_INGEST_POLL_INTERVAL", "15s"},
                           {"ML_SHIPSTATION_INGEST_POLL_SETTLE", "1s"},
                           {"ML_SHIPSTATION_INGEST_FETCH_RETRY_BACKOFF", "1s"}});
  }
  env.insert(env.end(), settings.begin(), settings.end());
  if (const auto extra = options_.extra_environment.find(name); extra != options_.extra_environment.end())
    env.insert(env.end(), extra->second.begin(), extra->second.end());
  service_environment_[name] = std::move(env);
  launch_service(name, false);
}

void MerchantStack::launch_service(const std::string& name, bool append_log) {
  auto child = std::make_unique<ChildProcess>(options_.binary_dir / "services" / name / name, std::vector<std::string>{},
                                              service_environment_.at(name), options_.work_dir / (name + ".log"),
                                              append_log);
  if (!child->wait_ready(ports_.at(name), 60s))
    throw StackError(name + " did not become ready; see " + child->log_file().string());
  std::lock_guard lock(children_mutex_);
  children_[name] = std::move(child);
}

const std::vector<std::string>& MerchantStack::service_names() {
  static const std::vector<std::string> names{"qbwc-gateway", "qbxml-writer", "reconciler", "shipstation-ingest"};
  return names;
}

void MerchantStack::kill_and_restart(const std::string& name) {
  if (!service_environment_.contains(name)) throw StackError("no service " + name + " to restart");
  {
    std::lock_guard lock(children_mutex_);
    if (auto it = children_.find(name); it != children_.end()) {
      it->second->kill();
      children_.erase(it);
    }
  }
  launch_service(name, true);
}

void MerchantStack::subscribe_webhooks() {
  const std::string target = "http://127.0.0.1:" + std::to_string(ports_.at("shipstation-ingest")) +
                             "/webhooks/shipstation/" + webhook_token_;
  for (const char* event : {"ORDER_NOTIFY", "SHIP_NOTIFY"}) {
    const std::string body = std::string(R"({"target_url":")") + target + R"(","event":")" + event + R"("})";
    const auto answer = http_exchange(ports_.at("shipstation-sim"), "POST", "/webhooks/subscribe", body,
                                      shipstation_key() + ":" + shipstation_secret());
    if (answer.status != 200) throw StackError("webhook subscription " + std::string(event) + " refused: " + answer.body);
  }
}

void MerchantStack::start_web_connector() {
  children_["qbwc-sim"] = std::make_unique<ChildProcess>(
      options_.binary_dir / "tools/qbwc-sim/qbwc-sim",
      std::vector<std::string>{"run", "--url", "http://127.0.0.1:" + std::to_string(ports_.at("qbwc-gateway")) + "/qbwc",
                               "--user", kWebConnectorUser, "--password", kWebConnectorPassword, "--company",
                               (options_.work_dir / "quickbooks-company.json").string(), "--every",
                               std::to_string(options_.web_connector_every_seconds), "--faults",
                               options_.web_connector_faults, "--seed", std::to_string(options_.seed)},
      Environment{}, options_.work_dir / "qbwc-sim.log");
}

qbwc_sim::Company MerchantStack::quickbooks(bool keep_stopped) {
  std::lock_guard lock(children_mutex_);
  if (auto it = children_.find("qbwc-sim"); it != children_.end()) {
    it->second->stop(60s);
    children_.erase(it);
  }
  auto company = qbwc_sim::load_company(options_.work_dir / "quickbooks-company.json");
  if (!company) throw StackError("cannot read the QuickBooks company: " + company.error());
  if (!keep_stopped) start_web_connector();
  return std::move(*company);
}

HttpAnswer MerchantStack::shipstation_admin(const std::string& method, const std::string& target,
                                            const std::string& body) const {
  const auto it = ports_.find("shipstation-sim");
  if (it == ports_.end()) return {};
  return http_exchange(it->second, method, target, body);
}

HttpAnswer MerchantStack::shipstation_api(const std::string& target) const {
  return http_exchange(ports_.at("shipstation-sim"), "GET", target, {}, shipstation_key() + ":" + shipstation_secret());
}

std::vector<std::string> MerchantStack::secrets() const {
  return {shipstation_secret(), webhook_token_, kWebConnectorPassword, split_url(options_.amqp_url).user_info + "@"};
}

std::string MerchantStack::shipstation_base_url() const {
  return "http://127.0.0.1:" + std::to_string(ports_.at("shipstation-sim"));
}

std::map<std::string, int> MerchantStack::stop() {
  std::map<std::string, int> statuses;
  std::lock_guard lock(children_mutex_);
  for (const char* name : {"qbwc-sim", "shipstation-ingest", "reconciler", "qbxml-writer", "qbwc-gateway", "shipstation-sim"})
    if (auto it = children_.find(name); it != children_.end()) {
      statuses[name] = it->second->stop(60s);
      children_.erase(it);
    }
  return statuses;
}

Progress MerchantStack::progress() const {
  Progress p;
  pqxx::connection connection(database_url_);
  pqxx::work tx(connection);
  try {
    pqxx::subtransaction sub(tx, "states");
    for (const auto& row : sub.exec("SELECT state, count(*) FROM reconciler.orders GROUP BY state")) {
      const auto n = row[1].as<std::int64_t>();
      p.orders_by_state[row[0].as<std::string>()] = n;
      p.orders += n;
    }
    sub.commit();
  } catch (const pqxx::sql_error&) {
  }
  for (const char* state : {"received", "validating", "posting", "updating", "voiding", "in_doubt"})
    if (auto it = p.orders_by_state.find(state); it != p.orders_by_state.end()) p.in_flight += it->second;
  p.quickbooks_queue = count(tx, "SELECT count(*) FROM qbwc_gateway.requests WHERE state IN ('pending','sent')");
  p.webhooks_pending = count(tx, "SELECT count(*) FROM shipstation_ingest.notifications WHERE state = 'pending'");
  p.poll_streams_done = count(tx, "SELECT count(*) FROM shipstation_ingest.watermarks");
  p.polled_up_to = std::chrono::system_clock::time_point(std::chrono::microseconds(std::max<std::int64_t>(
      0, count(tx, "SELECT COALESCE((extract(epoch FROM min(watermark)) * 1000000)::bigint, 0) "
                   "FROM shipstation_ingest.watermarks"))));
  p.open_alerts = count(tx, "SELECT count(*) FROM reconciler.alerts WHERE state = 'open'");
  for (const char* schema : {"qbwc_gateway", "qbxml_writer", "reconciler", "shipstation_ingest"})
    p.outbox_unsent += std::max<std::int64_t>(0, count(tx, std::string("SELECT count(*) FROM ") + schema +
                                                               ".outbox WHERE sent_at IS NULL"));
  return p;
}

bool MerchantStack::wait_settled(std::chrono::seconds timeout, const std::function<void(const Progress&)>& report,
                                 std::chrono::system_clock::time_point changed_at, std::chrono::seconds quiet) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto never = std::chrono::steady_clock::time_point::max();
  auto settled_since = never;
  std::string last;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto p = progress();
    if (report && p.line() != last) report(p);
    last = p.line();
    const auto now = std::chrono::steady_clock::now();
    if (!p.settled() || p.polled_up_to <= changed_at) {
      settled_since = never;
    } else if (settled_since == never) {
      settled_since = now;
    } else if (now - settled_since >= quiet) {
      return true;
    }
    std::this_thread::sleep_for(1s);
  }
  return false;
}

bool Progress::settled() const {
  return poll_streams_done >= 4 && orders > 0 && in_flight == 0 && quickbooks_queue == 0 && webhooks_pending == 0 &&
         outbox_unsent == 0;
}

std::string Progress::line() const {
  std::ostringstream out;
  out << "orders " << orders;
  if (!orders_by_state.empty()) {
    out << " (";
    const char* separator = "";
    for (const auto& [state, n] : orders_by_state) {
      out << separator << state << " " << n;
      separator = ", ";
    }
    out << ")";
  }
  out << " · in flight " << in_flight << " · QuickBooks queue " << quickbooks_queue << " · webhooks pending "
      << webhooks_pending << " · unsent messages " << outbox_unsent << " · open alerts " << open_alerts
      << " · ShipStation lists synced " << std::max<std::int64_t>(0, poll_streams_done) << "/4";
  return out.str();
}

}  // namespace ml::merchant_demo
