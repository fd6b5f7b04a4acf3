#pragma once
/// The .qwc file a QuickBooks user loads into the Web Connector to register our service.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace ml::qbwc {

/// Default run interval; the first (only) child of <Scheduler>.
struct RunEveryNMinutes {
  int minutes = 0;
};
/// Sub-minute interval; the Web Connector shows it as "Real Time".
struct RunEveryNSeconds {
  int seconds = 0;
};
using Schedule = std::variant<RunEveryNMinutes, RunEveryNSeconds>;

enum class QbType { Financial, PointOfSale };                   ///< QBFS / QBPOS
enum class SoapStyle { Document, DocWrapped, Rpc };             ///< Document is what we serve
enum class PersonalDataPref { NotNeeded, Optional, Required };  ///< pdpNotNeeded ...
enum class UnattendedModePref { Optional, Required };           ///< umpOptional / umpRequired

/// AuthFlags bits: which QuickBooks editions may run the application (QBFS only).
namespace auth_flags {
inline constexpr std::uint32_t kSimpleStart = 0x1;
inline constexpr std::uint32_t kPro = 0x2;
inline constexpr std::uint32_t kPremier = 0x4;
inline constexpr std::uint32_t kEnterprise = 0x8;
inline constexpr std::uint32_t kAll = 0xF;
}  // namespace auth_flags

/// Everything a .qwc carries. Required elements are plain fields; optional ones are omitted from
/// the file when unset.
struct QwcConfig {
  std::string app_name;         ///< AppName, also QuickBooks' integrated-application name
  std::string app_id;           ///< AppID, may be empty
  std::string app_url;          ///< AppURL: our SOAP endpoint; https unless the host is localhost
  std::string app_description;  ///< AppDescription
  std::string app_support;      ///< AppSupport: http(s) URL in AppURL's domain, must answer GET
  std::string user_name;        ///< UserName, sent back as strUserName
  std::string owner_id;         ///< OwnerID: GUID, with or without braces
  std::string file_id;          ///< FileID: GUID, with or without braces
  QbType qb_type = QbType::Financial;
  std::optional<Schedule> schedule;
  bool is_read_only = false;
  SoapStyle style = SoapStyle::Document;
  std::uint32_t auth_flags = auth_flags::kAll;
  std::optional<PersonalDataPref> personal_data_pref;
  std::optional<UnattendedModePref> unattended_mode_pref;
  std::optional<std::string> cert_url;  ///< CertURL: https URL of an alternate certificate server
  std::optional<bool> notify;
  std::optional<std::string> app_display_name;
  std::optional<std::string> app_unique_name;
};

/// A config the Web Connector would refuse: which element and why.
struct QwcError {
  std::string element;  ///< e.g. "AppURL"
  std::string message;  ///< e.g. "must use https unless the host is localhost (QBWC1010)"
};

/// Media type the .qwc is served with.
inline constexpr std::string_view kQwcContentType = "application/x-qwc";

/// The .qwc document (UTF-8, XML declaration first), or the first problem found in `config`.
std::expected<std::string, QwcError> qwc_document(const QwcConfig& config);

}  // namespace ml::qbwc
