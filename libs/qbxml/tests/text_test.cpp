#include <catch2/catch.hpp>

#include "ml/qbxml/message_set.hpp"
#include "ml/qbxml/text.hpp"
#include "request_support.hpp"

using namespace ml::qbxml;
using namespace ml::qbxml::testing;

TEST_CASE("ISO-8859-1 letters are kept as they are") {
  CHECK(qb_text("Zoë Müller, São Paulo, Ærø") == "Zoë Müller, São Paulo, Ærø");
}

TEST_CASE("common Latin letters outside ISO-8859-1 are transliterated") {
  CHECK(qb_text("Zoë Müller-Łukasz") == "Zoë Müller-Lukasz");
  CHECK(qb_text("Dvořák, Świętokrzyska, Œuvre, Ștefan") == "Dvorák, Swietokrzyska, OEuvre, Stefan");
}

TEST_CASE("typographic quotes, dashes and ellipses become ASCII") {
  CHECK(qb_text("O’Brien “Deluxe” – 5…") == "O'Brien \"Deluxe\" - 5...");
}

TEST_CASE("characters without a Latin form become question marks") {
  CHECK(qb_text("東京") == "??");
  CHECK(qb_text("Box 🎁") == "Box ?");
}

TEST_CASE("control characters become question marks, tabs and newlines stay") {
  CHECK(qb_text("a\x01z\tb\nc") == "a?z\tb\nc");
}

TEST_CASE("combining accents and zero-width characters are dropped") {
  CHECK(qb_text("Cafe\xCC\x81\xE2\x80\x8B!") == "Cafe!");
}

TEST_CASE("invalid UTF-8 is an error saying at which byte") {
  auto result = qb_text("ab\xC3(");
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error() == "invalid UTF-8 at byte 4");
  CHECK_FALSE(qb_text("\xED\xA0\x80").has_value());  // a UTF-16 surrogate
  CHECK_FALSE(qb_text("\xC0\xAF").has_value());      // overlong
}

TEST_CASE("non-Latin-1 names produce pure ASCII requests with Latin-1 character references") {
  InvoiceAdd add;
  add.customer.full_name = "Zoë Müller-Łukasz";
  add.memo = "東京 order";
  std::string xml = build_one(add);
  CHECK(contains(xml, "<FullName>Zo&#235; M&#252;ller-Lukasz</FullName>"));
  CHECK(contains(xml, "<Memo>?? order</Memo>"));
  for (char c : xml) REQUIRE(static_cast<unsigned char>(c) < 0x80);
  require_schema_valid(xml);
}

TEST_CASE("ampersands, angle brackets and quotes in names are escaped") {
  InvoiceAdd add;
  add.customer.full_name = "Smith & \"Sons\" <Ltd> O'Neil";
  std::string xml = build_one(add);
  CHECK(contains(xml, "<FullName>Smith &amp; &quot;Sons&quot; &lt;Ltd&gt; O'Neil</FullName>"));
  require_schema_valid(xml);
}

TEST_CASE("request IDs with special characters are escaped in the attribute") {
  auto xml = MessageSet(kNewestVersion, OnError::stop_on_error).add("a&\"b", TxnVoid{TxnVoidType::invoice, "1-2"}).build();
  REQUIRE(xml.has_value());
  CHECK(contains(*xml, "requestID=\"a&amp;&quot;b\""));
  require_schema_valid(*xml);
}
