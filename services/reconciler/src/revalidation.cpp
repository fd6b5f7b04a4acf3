#include "ml/reconciler/revalidation.hpp"

#include <pqxx/pqxx>

#include "ml/reconciler/json_detail.hpp"

namespace ml::reconciler {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

}  // namespace

std::vector<std::string> revalidate_now(store::ConnectionPool& pool, const Reconciler& reconciler,
                                        const std::string& order_number, const std::function<void()>& after_commit) {
  auto lease = pool.acquire();
  pqxx::work tx(*lease);
  auto keys = reconciler.revalidate(tx, order_number);
  tx.commit();
  if (after_commit) after_commit();
  return keys;
}

core::HttpHandler revalidation_handler(store::ConnectionPool& pool, const Reconciler& reconciler,
                                       std::function<void()> after_commit) {
  return [&pool, &reconciler, after_commit = std::move(after_commit)](const core::HttpRequest& request) {
    using core::http::status;
    const auto number = trimmed(request.body());
    if (number.empty()) return core::make_response(request, status::bad_request, "the body must be an order number\n");
    try {
      const auto keys = revalidate_now(pool, reconciler, number, after_commit);
      if (keys.empty()) return core::make_response(request, status::not_found, "no order numbered " + number + "\n");
      return core::make_response(request, status::ok, JsonObject().texts("posting_keys", keys).str(), "application/json");
    } catch (const std::exception& error) {
      return core::make_response(request, status::service_unavailable, std::string(error.what()) + "\n");
    }
  };
}

}  // namespace ml::reconciler
