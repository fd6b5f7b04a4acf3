#include "ml/qbwc_sim/quickbooks.hpp"

#include <tinyxml2.h>

#include <cstdlib>
#include <map>
#include <thread>

#include "message_set.hpp"
#include "ml/qbwc_sim/hcp.hpp"
#include "ml/qbwc_sim/text.hpp"

namespace ml::qbwc_sim {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

const tinyxml2::XMLElement* messages_of(const tinyxml2::XMLDocument& doc, const char* name) {
  const auto* root = doc.RootElement();
  return root ? root->FirstChildElement(name) : nullptr;
}

std::size_t count_rets(const tinyxml2::XMLElement& rs) {
  std::size_t count = 0;
  for (const auto* child = rs.FirstChildElement(); child; child = child->NextSiblingElement())
    count += ends_with(child->Name(), "Ret") ? 1 : 0;
  return count;
}

// Pairs requests and answers by position (QuickBooks answers in request order).
ProcessedSet summarize(int session, std::string_view request, const ProcessResult& result) {
  ProcessedSet set{session, request.size(), result.ok() ? result.response.size() : 0, {}};
  tinyxml2::XMLDocument rq_doc;
  tinyxml2::XMLDocument rs_doc;
  if (rq_doc.Parse(request.data(), request.size()) != tinyxml2::XML_SUCCESS) return set;
  rs_doc.Parse(result.response.data(), result.response.size());
  const auto* rqs = messages_of(rq_doc, "QBXMLMsgsRq");
  const auto* rss = messages_of(rs_doc, "QBXMLMsgsRs");
  const auto* rs = rss ? rss->FirstChildElement() : nullptr;
  for (const auto* rq = rqs ? rqs->FirstChildElement() : nullptr; rq; rq = rq->NextSiblingElement()) {
    ProcessedRequest summary{rq->Name(), rq->Attribute("iterator") ? rq->Attribute("iterator") : "", 0, std::nullopt};
    if (rs) {
      summary.returned = count_rets(*rs);
      if (const char* remaining = rs->Attribute("iteratorRemainingCount")) summary.remaining = std::atol(remaining);
      rs = rs->NextSiblingElement();
    }
    set.requests.push_back(std::move(summary));
  }
  return set;
}

}  // namespace

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
  std::vector<ProcessedSet> processed;

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
  auto result = process_message_set(request, env);
  if (impl_->options.keep_processed_sets) impl_->processed.push_back(summarize(session, request, result));
  return result;
}

void QuickBooksDesktop::end_session(int session) { impl_->sessions.erase(session); }

std::string QuickBooksDesktop::host_company_preferences() const {
  return host_company_preferences_response(impl_->company);
}

bool QuickBooksDesktop::validates_requests() const { return impl_->validator.has_value(); }

Company& QuickBooksDesktop::company() { return impl_->company; }

const std::vector<ProcessedSet>& QuickBooksDesktop::processed_sets() const { return impl_->processed; }

}  // namespace ml::qbwc_sim
