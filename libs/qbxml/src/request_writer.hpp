#pragma once
// Writes qbXML request elements in the order the caller gives (the schema's), checking every value
// against QuickBooks Desktop's limits first. The first problem is kept as the BuildError.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ml/core/decimal.hpp"
#include "ml/qbxml/message_set.hpp"

namespace ml::qbxml::detail {

struct TextLimit {
  std::size_t max;
  bool truncate = false;
};

// A list object's FullName: `segment_max` per "Parent:Child" segment (its Name), `full_name_max` overall.
struct NameLimit {
  std::size_t full_name_max;
  std::size_t segment_max;
  std::string_view object;  // "customer", "item", ...
};

inline constexpr NameLimit kCustomerName{209, 41, "customer"};
inline constexpr NameLimit kItemName{159, 31, "item"};
inline constexpr NameLimit kAccountName{159, 31, "account"};
inline constexpr NameLimit kClassName{159, 31, "class"};
inline constexpr NameLimit kTemplateName{31, 31, "template"};
inline constexpr NameLimit kSalesTaxCodeName{3, 3, "sales tax code"};
inline constexpr NameLimit kEntityName{209, 41, "name"};

inline constexpr TextLimit kRefNumber{11};
inline constexpr TextLimit kFreeText{4095, true};  // Desc and Memo: truncated, never rejected

using Attributes = std::vector<std::pair<std::string_view, std::string>>;

class RequestWriter {
 public:
  explicit RequestWriter(std::string& out) : out_(out) {}

  // `label` names the element in error paths ("InvoiceLineAdd[2]"); an empty label hides it.
  void open(std::string_view tag, const Attributes& attributes = {});
  void open_labelled(std::string_view tag, std::string label, const Attributes& attributes = {});
  void close();

  void text(std::string_view tag, std::string_view utf8, TextLimit limit);
  void id(std::string_view tag, std::string_view id);
  void guid(std::string_view tag, std::string_view guid, bool zero_allowed);
  void full_name(std::string_view tag, std::string_view name, NameLimit limit);
  void ref(std::string_view tag, const Ref& ref, NameLimit limit);
  void address(std::string_view tag, const std::optional<Address>& address);
  void amount(std::string_view tag, const std::optional<core::Decimal>& value);
  void price(std::string_view tag, const std::optional<core::Decimal>& value);
  void date(std::string_view tag, const std::optional<std::chrono::year_month_day>& value);
  void date_time(std::string_view tag, const std::optional<LocalDateTime>& value);
  void boolean(std::string_view tag, const std::optional<bool>& value);
  void count(std::string_view tag, const std::optional<int>& value);
  // A value already escaped or needing no escaping: enum names, numbers, dates.
  void raw(std::string_view tag, std::string_view value);

  void fail(std::string_view field, std::string message);
  bool failed() const { return error_.has_value(); }
  const std::optional<BuildError>& error() const { return error_; }

 private:
  std::string field(std::string_view tag) const;
  std::optional<std::string> latin1(std::string_view tag, std::string_view utf8);
  void indent();
  void decimal(std::string_view tag, const core::Decimal& value, int scale, int integer_digits, bool fixed);

  std::string& out_;
  struct Open {
    std::string tag;
    std::string label;
  };
  std::vector<Open> open_;
  std::optional<BuildError> error_;
};

}  // namespace ml::qbxml::detail
