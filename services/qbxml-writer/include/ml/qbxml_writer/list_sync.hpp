#pragma once
/// The modified-since queries of customers, items and invoices run at each QBWC session start.
/// A list's watermark (the newest TimeModified seen, QuickBooks' text verbatim) advances only
/// when a run completed: every page answered. The first run (no watermark) loads everything.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ml/messages/qbxml.hpp"
#include "ml/qbxml/responses.hpp"

namespace ml::qbxml_writer {

enum class SyncedList { customers, items, invoices };
const char* to_string(SyncedList list);
std::optional<SyncedList> synced_list_from(std::string_view text);

/// One row of qbxml_writer.watermarks.
struct ListWatermark {
  SyncedList list = SyncedList::customers;
  std::string watermark;        ///< TimeModified text; empty before the first complete run
  std::string run_request_id;   ///< the run in progress, or empty
  std::string run_newest;       ///< newest TimeModified seen by the run so far
  bool operator==(const ListWatermark&) const = default;
};

struct SyncStep {
  ListWatermark row;
  std::vector<messages::QbxmlRequest> requests;
  std::vector<qbxml::Customer> customers;  ///< customers on the page, for the writer's customer list
  bool completed = false;
};

class ListSync {
 public:
  using NewId = std::function<std::string()>;
  ListSync(std::string company_file, int max_returned, NewId new_id);

  /// A session started: a new run (replacing any unfinished one) from watermark + 1 s.
  SyncStep start_run(ListWatermark row) const;
  /// One page of the run (pages of an abandoned run are ignored). An unanswered or failed page
  /// abandons the run without moving the watermark.
  SyncStep on_page(ListWatermark row, const messages::QbxmlResponse& page) const;

 private:
  std::string company_file_;
  int max_returned_;
  NewId new_id_;
};

}  // namespace ml::qbxml_writer
