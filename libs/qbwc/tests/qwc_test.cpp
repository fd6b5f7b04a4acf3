#include "ml/qbwc/qwc.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "samples.hpp"
#include "xml_tree.hpp"

using namespace ml::qbwc;
using qbwc_test::find_element;
using qbwc_test::parse_xml;
using qbwc_test::text_of;

namespace {

QwcConfig complete_config() {
  QwcConfig config;
  config.app_name = "ML Connector";
  config.app_id = "ml-connector";
  config.app_url = "https://connector.example.com/qbwc";
  config.app_description = "Keeps QuickBooks and ShipStation in sync";
  config.app_support = "https://support.example.com/qbwc";
  config.user_name = "ml-sync";
  config.owner_id = "57F3B9B1-86F1-4fcc-B1EE-566DE1813D20";
  config.file_id = "{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}";
  config.schedule = RunEveryNMinutes{15};
  return config;
}

// Element paths below the root, e.g. "Scheduler/RunEveryNMinutes".
void collect_paths(const xmlNode* node, const std::string& prefix, std::set<std::string>& out) {
  for (const xmlNode* child = xmlFirstElementChild(const_cast<xmlNode*>(node)); child != nullptr;
       child = xmlNextElementSibling(const_cast<xmlNode*>(child))) {
    const std::string path = prefix + reinterpret_cast<const char*>(child->name);
    out.insert(path);
    collect_paths(child, path + "/", out);
  }
}

std::set<std::string> element_paths(const std::string& xml) {
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  std::set<std::string> paths;
  collect_paths(xmlDocGetRootElement(doc.get()), "", paths);
  return paths;
}

std::string element_text(const std::string& xml, std::string_view name) {
  const auto doc = parse_xml(xml);
  REQUIRE(doc);
  const xmlNode* element = find_element(xmlDocGetRootElement(doc.get()), name);
  REQUIRE(element != nullptr);
  return text_of(element);
}

QwcError refusal(const QwcConfig& config) {
  const auto document = qwc_document(config);
  REQUIRE_FALSE(document);
  return document.error();
}

}  // namespace

TEST_CASE("our .qwc carries every element the reference .qwc files carry") {
  const auto samples = qbwc_test::samples_dir();
  if (!samples) return;
  const auto document = qwc_document(complete_config());
  REQUIRE(document);
  const auto ours = element_paths(*document);
  const auto references = qbwc_test::files_matching(*samples / "qwc", "", ".qwc");
  REQUIRE(references.size() == 4);
  for (const auto& file : references) {
    for (const auto& path : element_paths(qbwc_test::read_file(file))) {
      INFO(file.filename() << ": " << path);
      CHECK(ours.contains(path));
    }
  }
}

TEST_CASE("the .qwc starts with an XML declaration and has QBWCXML as root") {
  const auto document = qwc_document(complete_config());
  REQUIRE(document);
  CHECK(document->starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<QBWCXML>"));
  CHECK(kQwcContentType == "application/x-qwc");
}

TEST_CASE("OwnerID and FileID are written as GUIDs in braces") {
  const auto document = qwc_document(complete_config());
  REQUIRE(document);
  CHECK(element_text(*document, "OwnerID") == "{57F3B9B1-86F1-4fcc-B1EE-566DE1813D20}");
  CHECK(element_text(*document, "FileID") == "{90A44FB5-33D9-4815-AC85-BC87A7E7D1EB}");
}

TEST_CASE("the .qwc carries the configured values") {
  auto config = complete_config();
  config.is_read_only = true;
  config.auth_flags = auth_flags::kPro | auth_flags::kPremier;
  const auto document = qwc_document(config);
  REQUIRE(document);
  CHECK(element_text(*document, "AppURL") == "https://connector.example.com/qbwc");
  CHECK(element_text(*document, "QBType") == "QBFS");
  CHECK(element_text(*document, "RunEveryNMinutes") == "15");
  CHECK(element_text(*document, "IsReadOnly") == "true");
  CHECK(element_text(*document, "Style") == "Document");
  CHECK(element_text(*document, "AuthFlags") == "0x6");
}

TEST_CASE("optional elements appear only when set") {
  auto config = complete_config();
  config.schedule.reset();
  CHECK_FALSE(element_paths(*qwc_document(config)).contains("Scheduler"));
  config.schedule = RunEveryNSeconds{30};
  config.personal_data_pref = PersonalDataPref::NotNeeded;
  config.unattended_mode_pref = UnattendedModePref::Required;
  config.cert_url = "https://certs.example.com/";
  config.notify = true;
  config.app_display_name = "ML";
  config.app_unique_name = "ml-connector-prod";
  const auto document = *qwc_document(config);
  CHECK(element_text(document, "RunEveryNSeconds") == "30");
  CHECK(element_text(document, "PersonalDataPref") == "pdpNotNeeded");
  CHECK(element_text(document, "UnattendedModePref") == "umpRequired");
  CHECK(element_text(document, "CertURL") == "https://certs.example.com/");
  CHECK(element_text(document, "Notify") == "true");
  CHECK(element_text(document, "AppDisplayName") == "ML");
  CHECK(element_text(document, "AppUniqueName") == "ml-connector-prod");
}

TEST_CASE("a point-of-sale .qwc has QBType QBPOS and no AuthFlags") {
  auto config = complete_config();
  config.qb_type = QbType::PointOfSale;
  const auto paths = element_paths(*qwc_document(config));
  CHECK_FALSE(paths.contains("AuthFlags"));
  CHECK(element_text(*qwc_document(config), "QBType") == "QBPOS");
}

TEST_CASE("text with & < > is escaped in the .qwc") {
  auto config = complete_config();
  config.app_description = "Orders <in> & invoices \xE2\x86\x92 QuickBooks";
  CHECK(element_text(*qwc_document(config), "AppDescription") == config.app_description);
}

TEST_CASE("an http AppURL is refused unless the host is localhost") {
  auto config = complete_config();
  config.app_url = "http://connector.example.com/qbwc";
  const auto error = refusal(config);
  CHECK(error.element == "AppURL");
  CHECK_THAT(error.message, Catch::Contains("https"));
  config.app_url = "http://localhost:8080/qbwc";
  config.app_support = "http://localhost:8080/support";
  CHECK(qwc_document(config));
}

TEST_CASE("an AppURL with an IP address or no host is refused") {
  auto config = complete_config();
  config.app_url = "https://192.168.1.10/qbwc";
  CHECK(refusal(config).element == "AppURL");
  config.app_url = "https:///qbwc";
  CHECK(refusal(config).element == "AppURL");
  config.app_url = "connector.example.com/qbwc";
  CHECK(refusal(config).element == "AppURL");
}

TEST_CASE("an AppSupport outside AppURL's domain is refused") {
  auto config = complete_config();
  config.app_support = "https://help.other.org/";
  const auto error = refusal(config);
  CHECK(error.element == "AppSupport");
  CHECK_THAT(error.message, Catch::Contains("example.com"));
}

TEST_CASE("a malformed GUID is refused naming its element") {
  auto config = complete_config();
  config.file_id = "{90A44FB5-33D9-4815-AC85}";
  const auto error = refusal(config);
  CHECK(error.element == "FileID");
  CHECK_THAT(error.message, Catch::Contains("90A44FB5-33D9-4815-AC85"));
}

TEST_CASE("missing required elements are refused") {
  auto config = complete_config();
  config.app_name.clear();
  CHECK(refusal(config).element == "AppName");
  config = complete_config();
  config.user_name.clear();
  CHECK(refusal(config).element == "UserName");
}

TEST_CASE("a non-positive schedule, unknown AuthFlags bits and a plain-http CertURL are refused") {
  auto config = complete_config();
  config.schedule = RunEveryNMinutes{0};
  CHECK(refusal(config).element == "Scheduler");
  config = complete_config();
  config.auth_flags = 0x10;
  CHECK(refusal(config).element == "AuthFlags");
  config = complete_config();
  config.cert_url = "http://certs.example.com/";
  CHECK(refusal(config).element == "CertURL");
}

TEST_CASE("text XML cannot carry is refused") {
  auto config = complete_config();
  config.app_description = "bell\x07";
  CHECK(refusal(config).element == "AppDescription");
}
