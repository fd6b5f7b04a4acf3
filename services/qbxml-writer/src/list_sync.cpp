#include "ml/qbxml_writer/list_sync.hpp"

#include <array>
#include <stdexcept>

#include "ml/qbxml/datetime.hpp"
#include "ml/qbxml/status.hpp"
#include "ml/qbxml_writer/request_text.hpp"

namespace ml::qbxml_writer {
namespace {

constexpr std::array<const char*, 3> kListNames{"customers", "items", "invoices"};
constexpr int kSyncPriority = 7;

// TimeModified texts compare by their wall clock; QuickBooks' offsets are unreliable.
bool newer(const std::string& candidate, const std::string& than) {
  if (than.empty()) return true;
  const auto a = qbxml::LocalDateTime::parse(candidate);
  const auto b = qbxml::LocalDateTime::parse(than);
  return a && (!b || *a > *b);
}

void note(std::string& newest, const std::string& time_modified) {
  if (!time_modified.empty() && newer(time_modified, newest)) newest = time_modified;
}

}  // namespace

const char* to_string(SyncedList list) { return kListNames[static_cast<std::size_t>(list)]; }

std::optional<SyncedList> synced_list_from(std::string_view text) {
  for (std::size_t i = 0; i < kListNames.size(); ++i)
    if (text == kListNames[i]) return static_cast<SyncedList>(i);
  return std::nullopt;
}

ListSync::ListSync(std::string company_file, int max_returned, NewId new_id)
    : company_file_(std::move(company_file)), max_returned_(max_returned), new_id_(std::move(new_id)) {}

SyncStep ListSync::start_run(ListWatermark row) const {
  std::optional<qbxml::LocalDateTime> from;
  if (!row.watermark.empty()) {
    auto after = qbxml::from_modified_after(row.watermark);
    if (after) from = *after;
  }
  qbxml::ListQuery list;
  list.max_returned = max_returned_;
  list.active_status = qbxml::ActiveStatus::all;
  list.from_modified = from;
  list.iteration = qbxml::Iteration::start();
  qbxml::Request request = qbxml::CustomerQuery{list};
  if (row.list == SyncedList::items) request = qbxml::ItemQuery{list};
  if (row.list == SyncedList::invoices) {
    qbxml::InvoiceQuery invoices;
    invoices.max_returned = max_returned_;
    invoices.from_modified = from;
    invoices.iteration = qbxml::Iteration::start();
    request = invoices;
  }
  row.run_request_id = new_id_();
  row.run_newest.clear();
  auto xml = request_element(row.run_request_id, request);
  if (!xml) throw std::logic_error("modified-since query of " + std::string(to_string(row.list)) + ": " + xml.error().to_string());
  messages::QbxmlRequest out{row.run_request_id, company_file_, kSyncPriority, std::nullopt,
                             messages::QbxmlRequestKind::query, std::move(*xml), std::nullopt};
  return {std::move(row), {std::move(out)}, {}, false};
}

SyncStep ListSync::on_page(ListWatermark row, const messages::QbxmlResponse& page) const {
  if (row.run_request_id.empty() || page.request_id != row.run_request_id) return {std::move(row), {}, {}, false};
  const auto abandon = [&] {
    row.run_request_id.clear();
    row.run_newest.clear();
    return SyncStep{std::move(row), {}, {}, false};
  };
  if (page.outcome != messages::QbxmlOutcome::answered) return abandon();
  auto parsed = parse_response_element(page.response_xml.value_or(""));
  if (!parsed) return abandon();
  const auto outcome = parsed->verdict().outcome;
  if (outcome != qbxml::Outcome::ok && outcome != qbxml::Outcome::no_match && outcome != qbxml::Outcome::warning)
    return abandon();
  for (const auto& c : parsed->customers) note(row.run_newest, c.time_modified);
  for (const auto& i : parsed->items) note(row.run_newest, i.time_modified);
  for (const auto& i : parsed->invoices) note(row.run_newest, i.time_modified);
  SyncStep step{row, {}, std::move(parsed->customers), false};
  const auto remaining = page.iterator_remaining_count.value_or(parsed->iterator_remaining_count.value_or(0));
  if (remaining > 0) return step;
  if (!step.row.run_newest.empty() && newer(step.row.run_newest, step.row.watermark)) step.row.watermark = step.row.run_newest;
  step.row.run_request_id.clear();
  step.row.run_newest.clear();
  step.completed = true;
  return step;
}

}  // namespace ml::qbxml_writer
