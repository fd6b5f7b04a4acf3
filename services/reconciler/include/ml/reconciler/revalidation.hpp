#pragma once
/// The entry point `mlctl retry ORDER` and the console use to re-validate a parked order:
/// POST /revalidate with the order number (or posting key) as the plain-text body.
#include <functional>
#include <string>
#include <vector>

#include "ml/core/http_server.hpp"
#include "ml/reconciler/reconciler.hpp"
#include "ml/store/pool.hpp"

namespace ml::reconciler {

/// Runs Reconciler::revalidate in its own transaction and commits; `after_commit` (e.g. the
/// outbox relay's poke) runs when it committed. Returns the posting keys looked at.
std::vector<std::string> revalidate_now(store::ConnectionPool& pool, const Reconciler& reconciler,
                                        const std::string& order_number, const std::function<void()>& after_commit);

/// The HTTP handler: 200 {"posting_keys": [...]} after re-validating, 404 when no order has that
/// number, 400 for an empty body, 503 when the database cannot be reached.
core::HttpHandler revalidation_handler(store::ConnectionPool& pool, const Reconciler& reconciler,
                                       std::function<void()> after_commit);

}  // namespace ml::reconciler
