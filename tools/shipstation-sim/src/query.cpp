#include "ml/shipstation_sim/query.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>

#include "ml/shipstation_sim/pacific_time.hpp"

namespace ml::shipstation_sim {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size()) {
      int value = 0;
      auto [end, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec == std::errc{} && end == text.data() + i + 3) {
        out += static_cast<char>(value);
        i += 2;
      } else {
        out += '%';
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

template <class Row>
struct Filters {
  const QueryParams& query;
  std::vector<std::function<bool(const Row&)>> tests;
  std::optional<QueryError> error;

  void fail(const std::string& name, const std::string& what) {
    if (!error) error = QueryError{name + ": " + what};
  }

  void integer(const char* name, std::function<std::optional<std::int64_t>(const Row&)> field) {
    auto text = query.get(name);
    if (!text) return;
    std::int64_t wanted = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), wanted);
    if (ec != std::errc{} || end != text->data() + text->size()) return fail(name, "'" + *text + "' is not a whole number");
    tests.push_back([wanted, field](const Row& row) { return field(row) == wanted; });
  }

  void text(const char* name, std::function<std::optional<std::string>(const Row&)> field,
            std::function<bool(const std::string& value, const std::string& wanted)> match) {
    auto wanted = query.get(name);
    if (!wanted) return;
    tests.push_back([wanted = lower(*wanted), field, match](const Row& row) {
      auto value = field(row);
      return value && match(lower(*value), wanted);
    });
  }

  void equals(const char* name, std::function<std::optional<std::string>(const Row&)> field) {
    text(name, std::move(field), [](const std::string& v, const std::string& w) { return v == w; });
  }

  void starts_with(const char* name, std::function<std::optional<std::string>(const Row&)> field) {
    text(name, std::move(field), [](const std::string& v, const std::string& w) { return v.starts_with(w); });
  }

  void contains(const char* name, std::function<std::optional<std::string>(const Row&)> field) {
    text(name, std::move(field), [](const std::string& v, const std::string& w) { return v.find(w) != std::string::npos; });
  }

  std::optional<TimePoint> bound(const std::string& name) {
    auto text = query.get(name);
    if (!text) return std::nullopt;
    auto parsed = parse_query_time(*text);
    if (!parsed) fail(name, "'" + *text + "' is not a date (expected yyyy-MM-dd HH:mm:ss, Pacific time)");
    return parsed;
  }

  /// `<prefix>Start` keeps rows at or after it, `<prefix>End` rows at or before it.
  void time_range(const std::string& prefix, std::function<std::optional<TimePoint>(const Row&)> field) {
    if (auto start = bound(prefix + "Start"))
      tests.push_back([start, field](const Row& row) { auto t = field(row); return t && *t >= *start; });
    if (auto end = bound(prefix + "End"))
      tests.push_back([end, field](const Row& row) { auto t = field(row); return t && *t <= *end; });
  }

  /// Like time_range for date-only fields ("yyyy-MM-dd"), compared by Pacific calendar date.
  void date_range(const std::string& prefix, std::function<std::optional<std::string>(const Row&)> field) {
    if (auto start = bound(prefix + "Start"))
      tests.push_back([day = pacific_date(*start), field](const Row& row) { auto d = field(row); return d && *d >= day; });
    if (auto end = bound(prefix + "End"))
      tests.push_back([day = pacific_date(*end), field](const Row& row) { auto d = field(row); return d && *d <= day; });
  }

  bool keep(const Row& row) const {
    return std::all_of(tests.begin(), tests.end(), [&](const auto& test) { return test(row); });
  }
};

std::expected<std::int64_t, QueryError> positive(const QueryParams& query, const char* name, std::int64_t fallback) {
  auto text = query.get(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < 1)
    return std::unexpected(QueryError{std::string(name) + ": '" + *text + "' is not a positive whole number"});
  return value;
}

/// `keys` maps accepted sortBy values (lower-case) to a sort key; empty sortBy keeps `rows` as is.
template <class Row, class Key>
std::expected<Page<Row>, QueryError> paginate(
    std::vector<const Row*> rows, const QueryParams& query,
    const std::map<std::string, std::function<Key(const Row&)>>& keys) {
  const auto page = positive(query, "page", 1);
  if (!page) return std::unexpected(page.error());
  const auto size = positive(query, "pageSize", kDefaultPageSize);
  if (!size) return std::unexpected(size.error());
  const bool descending = lower(query.get("sortDir").value_or("asc")) == "desc";
  if (auto sort_by = query.get("sortBy")) {
    auto key = keys.find(lower(*sort_by));
    if (key == keys.end()) return std::unexpected(QueryError{"sortBy: '" + *sort_by + "' is not a sort field"});
    std::stable_sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) { return key->second(*a) < key->second(*b); });
  }
  if (descending) std::reverse(rows.begin(), rows.end());
  const std::int64_t page_size = std::min(*size, kMaxPageSize);
  Page<Row> out;
  out.total = static_cast<std::int64_t>(rows.size());
  out.page = *page;
  out.pages = (out.total + page_size - 1) / page_size;
  const auto first = std::min<std::int64_t>((*page - 1) * page_size, out.total);
  const auto last = std::min<std::int64_t>(first + page_size, out.total);
  out.rows.assign(rows.begin() + first, rows.begin() + last);
  return out;
}

template <class Row, class Map>
std::expected<std::vector<const Row*>, QueryError> select(const Map& all, const Filters<Row>& filters) {
  if (filters.error) return std::unexpected(*filters.error);
  std::vector<const Row*> rows;
  for (const auto& [id, row] : all)
    if (filters.keep(row)) rows.push_back(&row);
  return rows;
}

using SortKey = std::pair<TimePoint, std::int64_t>;

}  // namespace

QueryParams QueryParams::parse(std::string_view target) {
  QueryParams params;
  const auto question = target.find('?');
  if (question == std::string_view::npos) return params;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    const auto name = lower(url_decode(pair.substr(0, eq)));
    if (!name.empty()) params.values_[name] = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1));
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
  }
  return params;
}

std::optional<std::string> QueryParams::get(std::string_view name) const {
  auto it = values_.find(lower(name));
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::expected<Page<Order>, QueryError> list_orders(const Account& account, const QueryParams& query) {
  Filters<Order> f{query, {}, {}};
  f.starts_with("orderNumber", [](const Order& o) { return o.order_number; });
  f.contains("customerName", [](const Order& o) { return o.bill_to.name; });
  f.equals("orderStatus", [](const Order& o) { return o.order_status; });
  f.equals("importBatch", [](const Order& o) { return o.import_batch; });
  f.integer("storeId", [](const Order& o) { return o.store_id; });
  f.time_range("orderDate", [](const Order& o) { return o.order_date; });
  f.time_range("createDate", [](const Order& o) { return o.create_date; });
  f.time_range("modifyDate", [](const Order& o) { return o.modify_date; });
  f.time_range("paymentDate", [](const Order& o) { return o.payment_date; });
  if (auto keyword = query.get("itemKeyword")) {
    f.tests.push_back([word = lower(*keyword)](const Order& o) {
      return std::any_of(o.items.begin(), o.items.end(), [&](const OrderItem& i) {
        return lower(i.sku).find(word) != std::string::npos || lower(i.name).find(word) != std::string::npos;
      });
    });
  }
  auto rows = select<Order>(account.orders, f);
  if (!rows) return std::unexpected(rows.error());
  return paginate<Order, SortKey>(std::move(*rows), query, {
      {"orderdate", [](const Order& o) { return SortKey{o.order_date, o.order_id}; }},
      {"modifydate", [](const Order& o) { return SortKey{o.modify_date, o.order_id}; }},
      {"createdate", [](const Order& o) { return SortKey{o.create_date, o.order_id}; }},
  });
}

std::expected<Page<Shipment>, QueryError> list_shipments(const Account& account, const QueryParams& query) {
  Filters<Shipment> f{query, {}, {}};
  f.integer("orderId", [](const Shipment& s) { return s.order_id; });
  f.equals("orderNumber", [](const Shipment& s) { return s.order_number; });
  f.integer("batchId", [](const Shipment& s) { return s.batch_id; });
  f.integer("storeId", [](const Shipment& s) { return s.store_id; });
  f.equals("carrierCode", [](const Shipment& s) { return s.carrier_code; });
  f.equals("serviceCode", [](const Shipment& s) { return s.service_code; });
  f.equals("trackingNumber", [](const Shipment& s) { return s.tracking_number; });
  f.contains("recipientName", [](const Shipment& s) { return s.ship_to.name; });
  f.equals("recipientCountryCode", [](const Shipment& s) { return s.ship_to.country; });
  f.date_range("shipDate", [](const Shipment& s) { return s.ship_date; });
  f.time_range("createDate", [](const Shipment& s) { return s.create_date; });
  f.time_range("voidDate", [](const Shipment& s) { return s.void_date; });
  auto rows = select<Shipment>(account.shipments, f);
  if (!rows) return std::unexpected(rows.error());
  // Default order is createDate ascending (then shipmentId).
  std::stable_sort(rows->begin(), rows->end(), [](const Shipment* a, const Shipment* b) {
    return SortKey{a->create_date, a->shipment_id} < SortKey{b->create_date, b->shipment_id};
  });
  return paginate<Shipment, std::pair<std::string, SortKey>>(std::move(*rows), query, {
      {"shipdate", [](const Shipment& s) { return std::pair{s.ship_date, SortKey{s.create_date, s.shipment_id}}; }},
      {"createdate", [](const Shipment& s) { return std::pair{std::string{}, SortKey{s.create_date, s.shipment_id}}; }},
  });
}

std::expected<Page<Fulfillment>, QueryError> list_fulfillments(const Account& account, const QueryParams& query) {
  Filters<Fulfillment> f{query, {}, {}};
  f.integer("fulfillmentId", [](const Fulfillment& x) { return x.fulfillment_id; });
  f.integer("orderId", [](const Fulfillment& x) { return x.order_id; });
  f.equals("orderNumber", [](const Fulfillment& x) { return x.order_number; });
  f.equals("trackingNumber", [](const Fulfillment& x) { return x.tracking_number; });
  f.contains("recipientName", [](const Fulfillment& x) { return x.ship_to.name; });
  f.time_range("createDate", [](const Fulfillment& x) { return x.create_date; });
  f.time_range("shipDate", [](const Fulfillment& x) { return x.ship_date; });
  auto rows = select<Fulfillment>(account.fulfillments, f);
  if (!rows) return std::unexpected(rows.error());
  return paginate<Fulfillment, SortKey>(std::move(*rows), query, {
      {"createdate", [](const Fulfillment& x) { return SortKey{x.create_date, x.fulfillment_id}; }},
      {"shipdate", [](const Fulfillment& x) { return SortKey{x.ship_date, x.fulfillment_id}; }},
  });
}

}  // namespace ml::shipstation_sim
