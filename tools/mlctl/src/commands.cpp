#include "ml/mlctl/commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

#include <pqxx/pqxx>

namespace ml::mlctl {

const char* const usage = R"(usage: mlctl [options] COMMAND ...
commands:
  status                                 queues and DLQs, last poll, last QBWC session, orders, open alerts
  orders [--state S] [--since YYYY-MM-DD] orders with state and reason
  order NUMBER                           the order's timeline from the audit log
  retry NUMBER | --all-needs-review      re-validate (and re-send) through the reconciler
  alerts [--open]                        alerts, or only the open ones
  resolve ID [--by NAME] [--note TEXT]   mark an alert resolved
  map sku SKU ITEM                       orders' SKU -> QuickBooks item
  map customer KEY CUSTOMER              e-mail or "name:Bill To Name" -> QuickBooks customer
  report --from YYYY-MM-DD --to YYYY-MM-DD   month-end: shipped vs posted per day, not posted
  audit export --from YYYY-MM-DD --to YYYY-MM-DD
  preview NUMBER                         the qbXML that would be sent, without sending
  dlq list [QUEUE.dlq] | dlq replay QUEUE.dlq | dlq drop QUEUE.dlq
  --help                                 this text
options:
  --pg URL (ML_PG_URL)   --rabbit URL (ML_RABBIT_MGMT_URL)   --rabbit-user U (ML_RABBIT_USER)
  --rabbit-password P (ML_RABBIT_PASSWORD)   --vhost V (ML_RABBIT_VHOST, default /)
  --reconciler URL (ML_RECONCILER_URL)   --json | --csv   (default: aligned table)
)";

namespace {

const std::set<std::string> kValueOptions{"--pg", "--rabbit", "--rabbit-user", "--rabbit-password", "--vhost",
                                          "--reconciler", "--state", "--since", "--from", "--to", "--by", "--note"};
const std::set<std::string> kFlags{"--json", "--csv", "--open", "--all-needs-review"};

struct CommandLine {
  std::vector<std::string> words;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;

  std::optional<std::string> option(const std::string& name) const {
    const auto it = options.find(name);
    return it == options.end() ? std::nullopt : std::optional(it->second);
  }
  const std::string& required(const std::string& name) const {
    const auto it = options.find(name);
    if (it == options.end()) throw UsageError(words.front() + " needs " + name);
    return it->second;
  }
};

CommandLine parse(const std::vector<std::string>& arguments) {
  CommandLine line;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const auto& word = arguments[i];
    if (kFlags.contains(word)) {
      line.flags.insert(word);
    } else if (kValueOptions.contains(word)) {
      if (i + 1 == arguments.size()) throw UsageError(word + " needs a value");
      line.options[word] = arguments[++i];
    } else if (word.starts_with("--")) {
      throw UsageError("unknown option " + word);
    } else {
      line.words.push_back(word);
    }
  }
  if (line.words.empty()) throw UsageError("no command given");
  if (line.flags.contains("--json") && line.flags.contains("--csv")) throw UsageError("--json and --csv exclude each other");
  return line;
}

Settings settings_of(const CommandLine& line, const EnvironmentLookup& environment) {
  Settings s;
  const auto pick = [&](std::string& field, const char* option, const char* variable) {
    if (auto value = line.option(option)) field = *value;
    else if (auto from_env = environment(variable)) field = *from_env;
  };
  pick(s.pg_url, "--pg", "ML_PG_URL");
  pick(s.rabbit_url, "--rabbit", "ML_RABBIT_MGMT_URL");
  pick(s.rabbit_user, "--rabbit-user", "ML_RABBIT_USER");
  pick(s.rabbit_password, "--rabbit-password", "ML_RABBIT_PASSWORD");
  pick(s.vhost, "--vhost", "ML_RABBIT_VHOST");
  pick(s.reconciler_url, "--reconciler", "ML_RECONCILER_URL");
  s.operator_name = environment("USER").value_or("mlctl");
  s.format = line.flags.contains("--json") ? Format::json : line.flags.contains("--csv") ? Format::csv : Format::table;
  return s;
}

/// One command: the words naming it, how many arguments follow them, and what it runs.
struct Command {
  std::vector<std::string> names;
  std::size_t min_arguments = 0, max_arguments = 0;
  const char* synopsis;
  std::function<void(const Context&, const CommandLine&, const std::vector<std::string>&)> run;
};

const std::vector<Command>& commands() {
  using Args = const std::vector<std::string>&;
  static const std::vector<Command> all{
      {{"status"}, 0, 0, "status", [](const Context& c, const CommandLine&, Args) { status(c); }},
      {{"orders"}, 0, 0, "orders [--state S] [--since DAY]",
       [](const Context& c, const CommandLine& l, Args) { orders(c, l.option("--state"), l.option("--since")); }},
      {{"order"}, 1, 1, "order NUMBER", [](const Context& c, const CommandLine&, Args a) { order_timeline(c, a[0]); }},
      {{"retry"}, 0, 1, "retry NUMBER | retry --all-needs-review",
       [](const Context& c, const CommandLine& l, Args a) {
         if (l.flags.contains("--all-needs-review") == (a.size() == 1))
           throw UsageError("expected: retry NUMBER | retry --all-needs-review");
         a.empty() ? retry_all_needs_review(c) : retry(c, a[0]);
       }},
      {{"alerts"}, 0, 0, "alerts [--open]", [](const Context& c, const CommandLine& l, Args) { alerts(c, l.flags.contains("--open")); }},
      {{"resolve"}, 1, 1, "resolve ID [--by NAME] [--note TEXT]",
       [](const Context& c, const CommandLine& l, Args a) {
         resolve(c, a[0], l.option("--by").value_or(c.settings.operator_name), l.option("--note").value_or(""));
       }},
      {{"map", "sku"}, 2, 2, "map sku SKU ITEM", [](const Context& c, const CommandLine&, Args a) { map_sku(c, a[0], a[1]); }},
      {{"map", "customer"}, 2, 2, "map customer KEY CUSTOMER",
       [](const Context& c, const CommandLine&, Args a) { map_customer(c, a[0], a[1]); }},
      {{"report"}, 0, 0, "report --from DAY --to DAY",
       [](const Context& c, const CommandLine& l, Args) { report(c, l.required("--from"), l.required("--to")); }},
      {{"audit", "export"}, 0, 0, "audit export --from DAY --to DAY",
       [](const Context& c, const CommandLine& l, Args) { audit_export(c, l.required("--from"), l.required("--to")); }},
      {{"preview"}, 1, 1, "preview NUMBER", [](const Context& c, const CommandLine&, Args a) { preview(c, a[0]); }},
      {{"dlq", "list"}, 0, 1, "dlq list [QUEUE.dlq]",
       [](const Context& c, const CommandLine&, Args a) { dlq_list(c, a.empty() ? std::nullopt : std::optional(a[0])); }},
      {{"dlq", "replay"}, 1, 1, "dlq replay QUEUE.dlq", [](const Context& c, const CommandLine&, Args a) { dlq_replay(c, a[0]); }},
      {{"dlq", "drop"}, 1, 1, "dlq drop QUEUE.dlq", [](const Context& c, const CommandLine&, Args a) { dlq_drop(c, a[0]); }},
  };
  return all;
}

void dispatch(const Context& context, const CommandLine& line) {
  const auto& words = line.words;
  for (const auto& command : commands()) {
    if (words.size() < command.names.size() || !std::equal(command.names.begin(), command.names.end(), words.begin()))
      continue;
    const std::vector<std::string> arguments(words.begin() + static_cast<std::ptrdiff_t>(command.names.size()), words.end());
    if (arguments.size() < command.min_arguments || arguments.size() > command.max_arguments)
      throw UsageError(std::string("expected: ") + command.synopsis);
    return command.run(context, line, arguments);
  }
  throw UsageError("unknown command '" + words[0] + (words.size() > 1 ? " " + words[1] : "") + "'");
}

}  // namespace

std::optional<std::string> process_environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value && *value ? std::optional<std::string>(value) : std::nullopt;
}

int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, const EnvironmentLookup& environment) {
  if (arguments.size() == 1 && (arguments[0] == "--help" || arguments[0] == "-h")) {
    out << usage;
    return 0;
  }
  try {
    const auto line = parse(arguments);
    dispatch(Context{settings_of(line, environment), out}, line);
    return 0;
  } catch (const UsageError& e) {
    err << "mlctl: " << e.what() << "\n" << usage;
    return 2;
  } catch (const CommandError& e) {
    err << "mlctl: " << e.what() << "\n";
    return 1;
  } catch (const pqxx::failure& e) {
    err << "mlctl: PostgreSQL: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace ml::mlctl
