#include <catch2/catch.hpp>

#include "ml/reconciler/quickbooks_names.hpp"

using namespace ml::reconciler;

TEST_CASE("Latin-1 characters are stored as they are") {
  CHECK(quickbooks_stored_text("Café Müller & Søn") == "Café Müller & Søn");
}

TEST_CASE("characters outside ISO-8859-1 become question marks, not transliterations") {
  CHECK(quickbooks_stored_text("Łódź") == "?ód?");
  CHECK(quickbooks_stored_text("東京 Store") == "?? Store");
  CHECK(quickbooks_stored_text("Emoji 😀") == "Emoji ?");
  CHECK(quickbooks_stored_text("O’Brien") == "O?Brien");
}

TEST_CASE("invalid UTF-8 is refused with the byte position") {
  const auto stored = quickbooks_stored_text("ab\xC3");
  REQUIRE_FALSE(stored);
  CHECK(stored.error() == "invalid UTF-8 at byte 2");
}

TEST_CASE("name keys ignore letter case, including Latin-1 capitals, but not accents") {
  CHECK(name_key("ÉMILE Zola") == name_key("émile zola"));
  CHECK(name_key("Emile Zola") != name_key("Émile Zola"));
  CHECK(name_key("Łukasz") == name_key("?ukasz"));
}

TEST_CASE("e-mail keys ignore letter case and surrounding spaces") {
  CHECK(email_key("  Ada@Example.COM ") == "ada@example.com");
}
