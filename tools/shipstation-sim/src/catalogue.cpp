#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cctype>

#include "ml/shipstation_sim/generator.hpp"
#include "ml/shipstation_sim/pacific_time.hpp"

namespace ml::shipstation_sim {

namespace {

constexpr std::array kMaterials{"Oak", "Walnut", "Linen", "Copper", "Ceramic", "Wool", "Bamboo", "Slate",
                                "Canvas", "Brass", "Cotton", "Maple"};
constexpr std::array kProducts{"Cutting Board", "Serving Bowl", "Table Runner", "Candle Holder", "Coaster Set",
                               "Throw Blanket", "Storage Basket", "Wall Hook"};
constexpr std::array kFirstNames{"Ava", "Ben", "Chloe", "Diego", "Emma", "Farah", "Gus", "Hana", "Ivan",
                                 "Jade", "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa",
                                 "Sam", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoe"};
constexpr std::array kLastNames{"Anders", "Brooks", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia",
                                "Huang", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura",
                                "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka", "Vargas"};
struct City {
  const char* city;
  const char* state;
  const char* zip;
};
constexpr std::array kCities{City{"Portland", "OR", "97205"}, City{"Austin", "TX", "78701"},
                             City{"Denver", "CO", "80202"},   City{"Seattle", "WA", "98101"},
                             City{"Oakland", "CA", "94612"},  City{"Madison", "WI", "53703"},
                             City{"Raleigh", "NC", "27601"},  City{"Boise", "ID", "83702"},
                             City{"Tucson", "AZ", "85701"},   City{"Albany", "NY", "12207"}};
constexpr std::array kStreets{"Maple Ave", "Oak St", "Hill Rd", "Pine Ln", "River Dr", "Elm Ct", "Lake Blvd"};

constexpr int kProductsInCatalogue = 64;
constexpr int kCustomersInList = 400;

template <class Array>
auto pick(Random& random, const Array& values) {
  return values[random.below(values.size())];
}

Decimal price_cents(std::int64_t cents) { return Decimal::from_units(cents, 2); }

TimePoint pacific_noon_utc(int year, unsigned month, unsigned day) {
  return *parse_query_time(std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                           (day < 10 ? "0" : "") + std::to_string(day) + " 12:00:00");
}

void write(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str());
}

void write(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const Decimal& value) {
  w.Key(key);
  const auto text = value.to_string();
  w.RawValue(text.c_str(), text.size(), rapidjson::kNumberType);
}

}  // namespace

std::vector<Store> merchant_stores(std::uint64_t seed) {
  const std::int64_t base = 310'000 + static_cast<std::int64_t>(seed % 1000) * 10;
  const auto created = pacific_noon_utc(2023, 4, 12);
  return {
      {base + 1, "Hearth & Grain Webstore", 0, "ShipStation", "HGWEB01", "shop@hearthgrain.example", "Hearth & Grain", created},
      {base + 2, "Hearth & Grain on Amazon", 2, "Amazon", "A1HGAMZ9", "", "", created},
      {base + 3, "Hearth & Grain Market Stall", 0, "Manual Orders", "HGMANUAL", "", "Hearth & Grain", created},
  };
}

Catalogue merchant_catalogue(std::uint64_t seed) {
  Random random(seed ^ 0xca7a10eULL);
  Catalogue catalogue;
  for (int i = 0; i < kProductsInCatalogue; ++i) {
    const std::string material = kMaterials[static_cast<std::size_t>(i) % kMaterials.size()];
    const std::string product = kProducts[static_cast<std::size_t>(i) / kMaterials.size() % kProducts.size()];
    CatalogueProduct p;
    p.product_id = 7'200'001 + i;
    p.sku = "HG-" + material.substr(0, 3) + "-" + std::to_string(1000 + i * 7);
    for (auto& c : p.sku) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    p.name = material + " " + product;
    p.unit_price = price_cents(random.between(6, 150) * 100 - 1);
    p.weight_ounces = Decimal::from_units(random.between(3, 80), 0);
    catalogue.products.push_back(std::move(p));
  }
  for (int i = 0; i < kCustomersInList; ++i) {
    const std::string first = pick(random, kFirstNames);
    const std::string last = pick(random, kLastNames);
    const City city = pick(random, kCities);
    CatalogueCustomer c;
    c.customer_id = 63'000'001 + i;
    c.name = first + " " + last;
    c.email = first + "." + last + std::to_string(i) + "@mail.example";
    for (auto& ch : c.email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    c.address.name = c.name;
    c.address.company = "";
    c.address.street1 = std::to_string(random.between(10, 9999)) + " " + pick(random, kStreets);
    c.address.street2 = "";
    c.address.city = city.city;
    c.address.state = city.state;
    c.address.postal_code = city.zip;
    c.address.country = "US";
    c.address.residential = true;
    c.address.address_verified = "Address validated successfully";
    catalogue.customers.push_back(std::move(c));
  }
  catalogue.adjustment_skus = {"DISCOUNT CODE", "SPRING10"};
  return catalogue;
}

std::string catalogue_json(std::uint64_t seed, const std::vector<Store>& stores, const Catalogue& catalogue) {
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> w(out);
  w.StartObject();
  w.Key("seed");
  w.Uint64(seed);
  w.Key("stores");
  w.StartArray();
  for (const auto& s : stores) {
    w.StartObject();
    w.Key("storeId");
    w.Int64(s.store_id);
    write(w, "storeName", s.store_name);
    write(w, "marketplaceName", s.marketplace_name);
    w.EndObject();
  }
  w.EndArray();
  w.Key("products");
  w.StartArray();
  for (const auto& p : catalogue.products) {
    w.StartObject();
    w.Key("productId");
    w.Int64(p.product_id);
    write(w, "sku", p.sku);
    write(w, "name", p.name);
    write(w, "unitPrice", p.unit_price);
    write(w, "weightOunces", p.weight_ounces);
    w.EndObject();
  }
  w.EndArray();
  w.Key("customers");
  w.StartArray();
  for (const auto& c : catalogue.customers) {
    w.StartObject();
    w.Key("customerId");
    w.Int64(c.customer_id);
    write(w, "name", c.name);
    write(w, "email", c.email);
    write(w, "street1", *c.address.street1);
    write(w, "city", *c.address.city);
    write(w, "state", *c.address.state);
    write(w, "postalCode", *c.address.postal_code);
    write(w, "country", *c.address.country);
    w.EndObject();
  }
  w.EndArray();
  w.Key("adjustmentSkus");
  w.StartArray();
  for (const auto& sku : catalogue.adjustment_skus) w.String(sku.c_str());
  w.EndArray();
  w.EndObject();
  return out.GetString();
}

}  // namespace ml::shipstation_sim
