#include <catch2/catch.hpp>

#include <algorithm>

#include "ml/qbwc_sim/seed.hpp"

using namespace ml::qbwc_sim;

namespace {

constexpr const char* kCatalogue = R"({"seed":1,
  "stores":[{"storeId":310011,"storeName":"Webstore","marketplaceName":"ShipStation"}],
  "products":[{"productId":1,"sku":"HG-OAK-1000","name":"Oak Cutting Board","unitPrice":102.99,"weightOunces":50},
              {"productId":2,"sku":"HG-SALT-2","name":"Salt","unitPrice":7.5,"weightOunces":4}],
  "customers":[{"customerId":9,"name":"Chloe Patel","email":"chloe@mail.example","street1":"8712 Maple Ave",
                "city":"Tucson","state":"AZ","postalCode":"85701","country":"US"}],
  "adjustmentSkus":["DISCOUNT CODE"]})";

const Item* item_named(const Company& c, std::string_view name) {
  const auto it = std::ranges::find(c.items, name, &Item::name);
  return it == c.items.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a merchant company holds the catalogue's customers and one inventory item per SKU") {
  const auto company = merchant_company(kCatalogue, 250);
  REQUIRE(company.has_value());
  REQUIRE(company->customers.size() == 1);
  CHECK(company->customers[0].name == "Chloe Patel");
  CHECK(company->customers[0].email == "chloe@mail.example");
  CHECK(company->customers[0].bill_address.city == "Tucson");
  const Item* board = item_named(*company, "HG-OAK-1000");
  REQUIRE(board);
  CHECK(board->kind == ItemKind::inventory);
  CHECK(board->price.to_string() == "102.99");
  CHECK(board->quantity_on_hand.to_string() == "250");
  CHECK(item_named(*company, "HG-SALT-2")->price.to_string() == "7.50");
}

TEST_CASE("a merchant company has the items discount, shipping and tax lines post to") {
  const auto company = merchant_company(kCatalogue, 1);
  REQUIRE(company.has_value());
  CHECK(item_named(*company, "Discount")->kind == ItemKind::discount);
  CHECK(item_named(*company, "Shipping")->kind == ItemKind::other_charge);
  CHECK(item_named(*company, "Sales Tax")->kind == ItemKind::other_charge);
}

TEST_CASE("a malformed catalogue says what is wrong") {
  CHECK(merchant_company("{", 1).error().starts_with("catalogue: malformed JSON at offset"));
  CHECK(merchant_company(R"({"customers":[]})", 1).error() == R"(catalogue: needs arrays "customers" and "products")");
  CHECK(merchant_company(R"({"customers":[],"products":[{"sku":"A"}]})", 1).error() ==
        "products[0]: needs a sku and a numeric unitPrice");
  CHECK(merchant_company(R"({"customers":[{"email":"x@y"}],"products":[]})", 1).error() == "customers[0]: no name");
}
