#pragma once
/// QuickBooks Desktop with one company file open: sessions (BeginSession/EndSession) and
/// ProcessRequest on qbXML request sets, as the Web Connector sees it through QBXMLRP2.
#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ml/core/clock.hpp"
#include "ml/core/log.hpp"
#include "ml/qbwc_sim/company.hpp"
#include "ml/qbwc_sim/faults.hpp"
#include "ml/qbwc_sim/xsd_validator.hpp"

namespace ml::qbwc_sim {

struct QuickBooksOptions {
  /// qbxmlops130.xsd; when unset, $ML_SHARED_DIR is tried; without a schema requests are not
  /// validated (the log says so).
  std::optional<std::filesystem::path> schema;
  /// An already compiled schema; wins over `schema` (saves compiling it once per company).
  std::optional<XsdValidator> validator;
  FaultPlan faults;
  std::shared_ptr<const core::Clock> clock;  ///< Default: the system clock.
  std::function<void(std::chrono::milliseconds)> sleep;  ///< Default: std::this_thread::sleep_for.
  bool keep_processed_sets = false;  ///< Keep a ProcessedSet per ProcessRequest (for tests and benchmarks).
};

/// ProcessRequest's outcome: a qbXML response, or a COM error (hresult + message, no response).
struct ProcessResult {
  std::string response;
  std::string hresult;  ///< e.g. "0x80040400"; empty on success.
  std::string message;
  bool ok() const { return hresult.empty(); }
};

/// One request element of a processed request set, and what its answer held.
struct ProcessedRequest {
  std::string name;               ///< e.g. "ItemQueryRq"
  std::string iterator;           ///< the iterator attribute ("Start", "Continue", "Stop" or "")
  std::size_t returned = 0;       ///< …Ret elements in its answer
  std::optional<long> remaining;  ///< the answer's iteratorRemainingCount
};

/// One ProcessRequest call as QuickBooks saw it: the round trip's request set and its answer.
struct ProcessedSet {
  int session = 0;
  std::size_t request_bytes = 0;
  std::size_t response_bytes = 0;  ///< unescaped qbXML; 0 when ProcessRequest failed
  std::vector<ProcessedRequest> requests;
};

/// Why a session could not begin (what QBWC passes to connectionError).
struct OpenFailure {
  std::string hresult;
  std::string message;
};

class QuickBooksDesktop {
 public:
  QuickBooksDesktop(Company& company, QuickBooksOptions options, core::Logger& log);
  ~QuickBooksDesktop();
  QuickBooksDesktop(const QuickBooksDesktop&) = delete;
  QuickBooksDesktop& operator=(const QuickBooksDesktop&) = delete;

  /// OpenConnection + BeginSession. `company_file` "" means the file open in QuickBooks.
  std::expected<int, OpenFailure> begin_session(std::string_view company_file);
  /// Processes one request set in a session; iterators live until end_session.
  ProcessResult process_request(int session, std::string_view request);
  void end_session(int session);

  /// The strHCPResponse QBWC sends on the first sendRequestXML of a session.
  std::string host_company_preferences() const;
  bool validates_requests() const;
  Company& company();
  /// Every request set processed so far, in order (empty unless `keep_processed_sets`).
  const std::vector<ProcessedSet>& processed_sets() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// QuickBooks' parse-error HRESULT and text, for a request set it rejects as a whole.
inline constexpr std::string_view kParseErrorHresult = "0x80040400";
inline constexpr std::string_view kParseErrorMessage =
    "QuickBooks found an error when parsing the provided XML text stream.";

}  // namespace ml::qbwc_sim
