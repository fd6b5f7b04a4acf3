#pragma once
/// mlctl's commands, callable in-process (the tests do) or through run(), which parses a command
/// line as the mlctl binary receives it.
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ml/mlctl/context.hpp"

namespace ml::mlctl {

/// Queue depths and DLQs, last poll per API key, last QBWC session, orders by state, open alerts.
void status(const Context& context);
/// Orders (posting keys) with state and reason, optionally one state and/or changed since a date.
void orders(const Context& context, const std::optional<std::string>& state, const std::optional<std::string>& since);
/// The order's timeline from audit.events: arrived, validated, sent to QuickBooks, its answer.
void order_timeline(const Context& context, const std::string& number);
/// POST /revalidate on the reconciler for one order, or for every needs_review order.
void retry(const Context& context, const std::string& number);
void retry_all_needs_review(const Context& context);
void alerts(const Context& context, bool open_only);
/// Marks an open alert resolved (by `by`, with `note`) and records it in audit.events.
void resolve(const Context& context, const std::string& alert_id, const std::string& by, const std::string& note);
/// Item mapping: orders' SKU → QuickBooks item FullName.
void map_sku(const Context& context, const std::string& sku, const std::string& item);
/// Customer mapping: an e-mail (contains '@', or "email:…") or a billTo name ("name:…") →
/// QuickBooks customer FullName.
void map_customer(const Context& context, const std::string& key, const std::string& customer);
/// Month-end: per ship day, shipped in ShipStation against posted in QuickBooks, and the
/// shipped orders not posted with their reasons. Dates are YYYY-MM-DD, both included.
void report(const Context& context, const std::string& from, const std::string& to);
/// audit.events of [from, to] (days, both included), oldest first.
void audit_export(const Context& context, const std::string& from, const std::string& to);
/// The qbXML the writer would send for the order's last posting.requested, without sending.
void preview(const Context& context, const std::string& number);
/// Dead-letter queues with their depth, or the messages waiting in one (without taking them).
void dlq_list(const Context& context, const std::optional<std::string>& queue);
/// Moves every message of `queue` (a `.dlq`) back to the queue it came from.
void dlq_replay(const Context& context, const std::string& queue);
/// Deletes every message of `queue` (a `.dlq`).
void dlq_drop(const Context& context, const std::string& queue);

using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;
/// The process environment.
std::optional<std::string> process_environment(const std::string& name);

/// Parses `arguments` (without the program name), runs the command and returns the exit status:
/// 0 done, 1 the command failed (message on `err`), 2 a usage error (message and usage on `err`).
int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err,
        const EnvironmentLookup& environment = process_environment);

extern const char* const usage;

}  // namespace ml::mlctl
