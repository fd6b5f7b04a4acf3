#pragma once
/// Matching an order's customer and lines to QuickBooks customers and items. No I/O: what is
/// known about QuickBooks comes through a QbDirectory, the operator's rules through Mappings.
#include <cstdint>
#include <expected>
#include <string_view>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ml/messages/lookup.hpp"
#include "ml/messages/shipstation.hpp"

namespace ml::reconciler {

/// What the reconciler's cache can say about one key: QuickBooks has it, QuickBooks said it has
/// not, or nobody asked yet.
enum class Knowledge { found, missing, unknown };

template <class Record>
struct Known {
  Knowledge knowledge = Knowledge::unknown;
  std::optional<Record> record;  ///< when found
};

/// The reconciler's view of QuickBooks' customers and items (the cache filled from qb.lookup.completed).
class QbDirectory {
 public:
  virtual ~QbDirectory() = default;
  /// A customer by e-mail (email_key) or FullName (name_key).
  virtual Known<messages::QbCustomer> customer(messages::LookupField by, const std::string& value) const = 0;
  /// An item by FullName (name_key).
  virtual Known<messages::QbItem> item(const std::string& full_name) const = 0;
};

/// The ways to find an order's customer, tried in the configured order.
enum class CustomerRule { email, name, mapping, store_default };

/// "email,name,mapping,store_default" (any order, each at most once) → the rules; the error says
/// which word is wrong.
std::expected<std::vector<CustomerRule>, std::string> parse_customer_rules(std::string_view text);

/// The operator's rules (tables customer_mappings, item_mappings, store_customers).
struct Mappings {
  std::map<std::string, std::string> customer_by_email;  ///< email_key → customer FullName
  std::map<std::string, std::string> customer_by_name;   ///< name_key of billTo.name → customer FullName
  std::map<std::string, std::string> item_by_sku;        ///< SKU exactly → item FullName
  std::map<std::int64_t, std::string> store_customer;    ///< storeId → default customer FullName
};

struct MatchSettings {
  std::vector<CustomerRule> customer_rules{CustomerRule::email, CustomerRule::name, CustomerRule::mapping,
                                           CustomerRule::store_default};
  std::string discount_item = "Discount";  ///< item for adjustment lines; empty = adjustments are unknown items
  std::string shipping_item = "Shipping";
  std::string tax_item = "Sales Tax";
};

/// Something a person has to fix before the order can post (becomes an alert).
struct Problem {
  std::string kind;         ///< alert kind: unknown_customer, unknown_item, ...
  std::string message;      ///< one sentence
  std::string detail_json;  ///< JSON object
  bool operator==(const Problem&) const = default;
};

/// Keys the cache cannot answer yet: one qb.lookup.requested per kind.
struct MissingKnowledge {
  std::vector<messages::LookupKey> customer_keys;
  std::vector<messages::LookupKey> item_keys;
  bool empty() const { return customer_keys.empty() && item_keys.empty(); }
};

/// Outcome of matching: a customer FullName, or keys to ask QuickBooks about, or a problem.
struct CustomerMatch {
  std::optional<std::string> full_name;
  std::vector<messages::LookupKey> ask;
  std::optional<Problem> problem;
};

/// Outcome of matching an order's lines: item FullName per line, keys to ask, problems.
struct ItemMatch {
  std::vector<std::string> item_full_names;  ///< one per line of the order, "" when unmatched
  std::vector<messages::LookupKey> ask;
  std::vector<Problem> problems;
};

/// Customer of `order`: e-mail, exact billTo name (QuickBooks' stored form), mapping, store
/// default, in `settings.customer_rules` order. A rule the cache cannot answer stops the walk and
/// asks for every cache key not yet known, so one lookup settles it. Never a fuzzy match.
CustomerMatch match_customer(const messages::SsOrderChanged& order, const QbDirectory& directory,
                             const Mappings& mappings, const MatchSettings& settings);

/// Items of `order`'s lines: adjustments → the discount item; else the SKU's mapping; else an
/// active QuickBooks item whose FullName is the SKU.
ItemMatch match_items(const messages::SsOrderChanged& order, const QbDirectory& directory,
                      const Mappings& mappings, const MatchSettings& settings);

}  // namespace ml::reconciler
