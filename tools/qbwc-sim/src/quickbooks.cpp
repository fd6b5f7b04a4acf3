#include "ml/qbwc_sim/quickbooks.hpp"

#include <map>
#include <thread>

#include "message_set.hpp"
#include "ml/qbwc_sim/hcp.hpp"
#include "ml/qbwc_sim/text.hpp"

namespace ml::qbwc_sim {

struct QuickBooksDesktop::Impl {
  Company& company;
  QuickBooksOptions options;
  core::Logger& log;
  std::optional<XsdValidator> validator;
  FaultDice lock_dice;
  FaultDice user_edit_dice;
  FaultDice not_running_dice;
  std::map<int, SessionState> sessions;
  int next_session = 1;

  Impl(Company& c, QuickBooksOptions o, core::Logger& l)
      : company(c),
        options(std::move(o)),
        log(l),
        lock_dice(options.faults.seed, "lock"),
        user_edit_dice(options.faults.seed, "user_edit"),
        not_running_dice(options.faults.seed, "not_running") {
    if (!options.clock) options.clock = std::make_shared<core::SystemClock>();
    if (!options.sleep) options.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    load_schema();
  }

  void load_schema() {
    if (options.validator) {
      validator = options.validator;
      return;
    }
    const auto path = options.schema ? options.schema : XsdValidator::schema_from_environment();
    if (!path) {
      log.warn("qbXML schema validation skipped: no schema given and $ML_SHARED_DIR has no "
               "qbxml-schema/v13/qbxmlops130.xsd; only QuickBooks' field lengths are checked");
      return;
    }
    auto loaded = XsdValidator::load(*path);
    if (!loaded) {
      log.warn("qbXML schema validation skipped", {{"reason", loaded.error()}});
      return;
    }
    validator = std::move(*loaded);
    log.info("validating request sets against the qbXML schema", {{"schema", path->string()}});
  }
};

QuickBooksDesktop::QuickBooksDesktop(Company& company, QuickBooksOptions options, core::Logger& log)
    : impl_(std::make_unique<Impl>(company, std::move(options), log)) {}

QuickBooksDesktop::~QuickBooksDesktop() = default;

std::expected<int, OpenFailure> QuickBooksDesktop::begin_session(std::string_view company_file) {
  if (impl_->not_running_dice.roll(impl_->options.faults.not_running)) {
    if (company_file.empty())
      return std::unexpected(OpenFailure{"0x80040416", "If QuickBooks is not running, the company data file name "
                                                       "must be supplied to BeginSession."});
    return std::unexpected(OpenFailure{"0x80040408", "Could not start QuickBooks."});
  }
  if (!company_file.empty() && !iequals(company_file, impl_->company.info.file_path))
    return std::unexpected(OpenFailure{"0x80040403", "Could not open the specified QuickBooks company data file."});
  const int id = impl_->next_session++;
  impl_->sessions[id];
  return id;
}

ProcessResult QuickBooksDesktop::process_request(int session, std::string_view request) {
  const auto it = impl_->sessions.find(session);
  if (it == impl_->sessions.end()) return {"", "0x8004040D", "The ticket parameter is invalid."};
  MessageSetEnvironment env{impl_->company,
                            it->second,
                            impl_->validator ? &*impl_->validator : nullptr,
                            impl_->options.clock->now(),
                            impl_->options.faults,
                            impl_->lock_dice,
                            impl_->user_edit_dice,
                            impl_->options.sleep,
                            impl_->log};
  return process_message_set(request, env);
}

void QuickBooksDesktop::end_session(int session) { impl_->sessions.erase(session); }

std::string QuickBooksDesktop::host_company_preferences() const {
  return host_company_preferences_response(impl_->company);
}

bool QuickBooksDesktop::validates_requests() const { return impl_->validator.has_value(); }

Company& QuickBooksDesktop::company() { return impl_->company; }

}  // namespace ml::qbwc_sim
