#include "ml/qbwc/qwc.hpp"

#include <cctype>
#include <cstdio>

#include "url.hpp"
#include "xml_escape.hpp"

namespace ml::qbwc {
namespace {

using Problem = std::optional<QwcError>;

Problem check_text(std::string_view element, std::string_view value, bool required) {
  if (required && value.empty()) return QwcError{std::string(element), "is required"};
  if (!detail::is_xml_safe(value)) {
    return QwcError{std::string(element), "contains invalid UTF-8 or characters XML cannot carry"};
  }
  return std::nullopt;
}

std::expected<detail::HttpUrl, QwcError> checked_url(std::string_view element, std::string_view value) {
  auto url = detail::parse_http_url(value);
  if (!url)
    return std::unexpected(QwcError{std::string(element), "'" + std::string(value) + "' " + url.error()});
  if (detail::is_ip_literal(*url)) {
    return std::unexpected(QwcError{std::string(element), "must name a host, not an IP address (QBWC1001)"});
  }
  return *url;
}

Problem check_urls(const QwcConfig& config) {
  const auto app = checked_url("AppURL", config.app_url);
  if (!app) return app.error();
  if (app->scheme != "https" && !detail::is_localhost(*app)) {
    return QwcError{"AppURL", "must use https unless the host is localhost (QBWC1010)"};
  }
  const auto support = checked_url("AppSupport", config.app_support);
  if (!support) return support.error();
  if (detail::site_domain(*support) != detail::site_domain(*app)) {
    return QwcError{"AppSupport", "must be in the domain of AppURL, " +
                                      std::string(detail::site_domain(*app)) + " (QBWC1000)"};
  }
  if (config.cert_url) {
    const auto cert = checked_url("CertURL", *config.cert_url);
    if (!cert) return cert.error();
    if (cert->scheme != "https") return QwcError{"CertURL", "must use https"};
  }
  return std::nullopt;
}

// 8-4-4-4-12 hex digits, optionally in braces; returned in braces as the Web Connector wants.
std::expected<std::string, QwcError> braced_guid(std::string_view element, std::string_view value) {
  std::string_view digits = value;
  if (digits.starts_with('{') && digits.ends_with('}')) digits = digits.substr(1, digits.size() - 2);
  bool valid = digits.size() == 36;
  for (std::size_t i = 0; valid && i < digits.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    valid = dash_position ? digits[i] == '-' : std::isxdigit(static_cast<unsigned char>(digits[i])) != 0;
  }
  if (!valid) {
    return std::unexpected(
        QwcError{std::string(element),
                 "'" + std::string(value) + "' is not a GUID like {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}"});
  }
  return "{" + std::string(digits) + "}";
}

Problem check_schedule(const std::optional<Schedule>& schedule) {
  if (!schedule) return std::nullopt;
  const bool positive = std::visit(
      [](const auto& s) {
        if constexpr (std::is_same_v<std::decay_t<decltype(s)>, RunEveryNMinutes>)
          return s.minutes > 0;
        else
          return s.seconds > 0;
      },
      *schedule);
  if (!positive) return QwcError{"Scheduler", "the interval must be positive"};
  return std::nullopt;
}

Problem check_config(const QwcConfig& config) {
  const std::pair<std::string_view, std::string_view> required[] = {{"AppName", config.app_name},
                                                                    {"UserName", config.user_name}};
  for (const auto& [element, value] : required) {
    if (auto problem = check_text(element, value, true)) return problem;
  }
  const std::pair<std::string_view, std::string_view> optional[] = {
      {"AppID", config.app_id},
      {"AppDescription", config.app_description},
      {"AppDisplayName", config.app_display_name ? *config.app_display_name : std::string_view()},
      {"AppUniqueName", config.app_unique_name ? *config.app_unique_name : std::string_view()}};
  for (const auto& [element, value] : optional) {
    if (auto problem = check_text(element, value, false)) return problem;
  }
  if (config.auth_flags > auth_flags::kAll) {
    return QwcError{"AuthFlags", "only bits 0x1, 0x2, 0x4 and 0x8 exist"};
  }
  if (auto problem = check_urls(config)) return problem;
  return check_schedule(config.schedule);
}

void element(std::string& out, std::string_view name, std::string_view value) {
  out.append("  <").append(name).append(">");
  detail::append_escaped_text(out, value);
  out.append("</").append(name).append(">\n");
}

std::string_view text(QbType type) { return type == QbType::Financial ? "QBFS" : "QBPOS"; }

std::string_view text(SoapStyle style) {
  switch (style) {
    case SoapStyle::Document:
      return "Document";
    case SoapStyle::DocWrapped:
      return "DocWrapped";
    case SoapStyle::Rpc:
      return "RPC";
  }
  return "Document";
}

std::string_view text(PersonalDataPref pref) {
  switch (pref) {
    case PersonalDataPref::NotNeeded:
      return "pdpNotNeeded";
    case PersonalDataPref::Optional:
      return "pdpOptional";
    case PersonalDataPref::Required:
      return "pdpRequired";
  }
  return "pdpNotNeeded";
}

std::string_view text(UnattendedModePref pref) {
  return pref == UnattendedModePref::Required ? "umpRequired" : "umpOptional";
}

std::string_view text(bool value) { return value ? "true" : "false"; }

std::string hex_flags(std::uint32_t flags) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%X", static_cast<unsigned>(flags));
  return buffer;
}

void append_schedule(std::string& out, const Schedule& schedule) {
  out += "  <Scheduler>\n  ";
  if (const auto* minutes = std::get_if<RunEveryNMinutes>(&schedule)) {
    element(out, "RunEveryNMinutes", std::to_string(minutes->minutes));
  } else {
    element(out, "RunEveryNSeconds", std::to_string(std::get<RunEveryNSeconds>(schedule).seconds));
  }
  out += "  </Scheduler>\n";
}

void append_optional_elements(std::string& out, const QwcConfig& config) {
  if (config.personal_data_pref) element(out, "PersonalDataPref", text(*config.personal_data_pref));
  if (config.unattended_mode_pref) element(out, "UnattendedModePref", text(*config.unattended_mode_pref));
  if (config.cert_url) element(out, "CertURL", *config.cert_url);
  if (config.notify) element(out, "Notify", text(*config.notify));
  if (config.app_display_name) element(out, "AppDisplayName", *config.app_display_name);
  if (config.app_unique_name) element(out, "AppUniqueName", *config.app_unique_name);
}

}  // namespace

std::expected<std::string, QwcError> qwc_document(const QwcConfig& config) {
  if (auto problem = check_config(config)) return std::unexpected(*problem);
  const auto owner_id = braced_guid("OwnerID", config.owner_id);
  if (!owner_id) return std::unexpected(owner_id.error());
  const auto file_id = braced_guid("FileID", config.file_id);
  if (!file_id) return std::unexpected(file_id.error());

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<QBWCXML>\n";
  element(out, "AppName", config.app_name);
  element(out, "AppID", config.app_id);
  element(out, "AppURL", config.app_url);
  element(out, "AppDescription", config.app_description);
  element(out, "AppSupport", config.app_support);
  element(out, "UserName", config.user_name);
  element(out, "OwnerID", *owner_id);
  element(out, "FileID", *file_id);
  element(out, "QBType", text(config.qb_type));
  if (config.schedule) append_schedule(out, *config.schedule);
  element(out, "IsReadOnly", text(config.is_read_only));
  element(out, "Style", text(config.style));
  if (config.qb_type == QbType::Financial) element(out, "AuthFlags", hex_flags(config.auth_flags));
  append_optional_elements(out, config);
  out += "</QBWCXML>\n";
  return out;
}

}  // namespace ml::qbwc
