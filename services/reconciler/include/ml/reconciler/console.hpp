#pragma once
/// The operator console: one page (services/reconciler/console/, compiled in) and its JSON API
/// under /console/api/, behind ML_RECONCILER_CONSOLE_TOKEN. The page's login form posts the token
/// to /console/login, which sets an HttpOnly session cookie; scripts may instead send
/// `Authorization: Bearer <token>`. See docs/console.md.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/http_server.hpp"
#include "ml/reconciler/reconciler.hpp"
#include "ml/store/pool.hpp"

namespace ml::reconciler {

/// One file of the page, as compiled in.
struct ConsoleAsset {
  std::string_view name;  ///< "index.html", "console.js", ...
  std::string_view content_type;
  std::string_view text;
};
const std::vector<ConsoleAsset>& console_assets();

struct ConsoleOptions {
  std::string token;          ///< ML_RECONCILER_CONSOLE_TOKEN; empty = no console
  std::string rabbit_ui_url;  ///< ML_RECONCILER_RABBIT_UI_URL; empty = no link
  std::string schema = "reconciler";
};

/// Adds GET /console (the page and its files), POST /console/login and /console/logout, and
/// /console/api/...: summary, orders, timeline, retry, alerts, resolve, report. Retry runs
/// Reconciler::revalidate (as POST /revalidate does); `after_commit` runs after it committed.
void add_console_routes(core::HttpServer& http, store::ConnectionPool& pool, const Reconciler& reconciler,
                        ConsoleOptions options, std::function<void()> after_commit);

}  // namespace ml::reconciler
