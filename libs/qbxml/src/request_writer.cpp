#include "request_writer.hpp"

#include <cctype>

#include "latin1.hpp"

namespace ml::qbxml::detail {
namespace {

std::string quoted(std::string_view latin1) { return "\"" + latin1_to_utf8(latin1) + "\""; }

std::string too_long(std::string_view latin1, std::size_t max, std::string_view what) {
  return quoted(latin1) + " is " + std::to_string(latin1.size()) + " characters; QuickBooks Desktop allows " +
         std::to_string(max) + std::string(what);
}

bool hex_run(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// "8-4-4-4-12" hex digits.
bool is_bare_guid(std::string_view s) {
  return s.size() == 36 && hex_run(s, 0, 8) && s[8] == '-' && hex_run(s, 9, 4) && s[13] == '-' &&
         hex_run(s, 14, 4) && s[18] == '-' && hex_run(s, 19, 4) && s[23] == '-' && hex_run(s, 24, 12);
}

std::size_t integer_digits(const core::Decimal& value) {
  std::string text = value.to_string();
  std::size_t start = value.is_negative() ? 1 : 0;
  auto point = text.find('.');
  return (point == std::string::npos ? text.size() : point) - start;
}

}  // namespace

void RequestWriter::indent() {
  out_ += '\n';
  out_.append(2 * open_.size(), ' ');
}

void RequestWriter::open(std::string_view tag, const Attributes& attributes) {
  open_labelled(tag, std::string(tag), attributes);
}

void RequestWriter::open_labelled(std::string_view tag, std::string label, const Attributes& attributes) {
  indent();
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    auto text = latin1(std::string(tag) + "@" + std::string(name), value);
    if (!text) continue;
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    append_xml_escaped(out_, *text);
    out_ += '"';
  }
  out_ += '>';
  open_.push_back(Open{std::string(tag), std::move(label)});
}

void RequestWriter::close() {
  std::string tag = std::move(open_.back().tag);
  open_.pop_back();
  indent();
  out_ += "</";
  out_ += tag;
  out_ += '>';
}

std::string RequestWriter::field(std::string_view tag) const {
  std::string path;
  for (const auto& element : open_) {
    if (element.label.empty()) continue;
    path += element.label;
    path += '/';
  }
  path += tag;
  return path;
}

void RequestWriter::fail(std::string_view field_path, std::string message) {
  if (!error_) error_ = BuildError{std::string(field_path), std::move(message)};
}

std::optional<std::string> RequestWriter::latin1(std::string_view tag, std::string_view utf8) {
  auto text = to_latin1(utf8);
  if (!text) {
    fail(field(tag), text.error());
    return std::nullopt;
  }
  return std::move(*text);
}

void RequestWriter::raw(std::string_view tag, std::string_view escaped) {
  indent();
  out_ += '<';
  out_ += tag;
  out_ += '>';
  out_ += escaped;
  out_ += "</";
  out_ += tag;
  out_ += '>';
}

void RequestWriter::text(std::string_view tag, std::string_view utf8, TextLimit limit) {
  if (utf8.empty()) return;
  auto text = latin1(tag, utf8);
  if (!text || text->empty()) return;
  if (text->size() > limit.max) {
    if (!limit.truncate) return fail(field(tag), too_long(*text, limit.max, ""));
    text->resize(limit.max);
  }
  std::string escaped;
  append_xml_escaped(escaped, *text);
  raw(tag, escaped);
}

void RequestWriter::id(std::string_view tag, std::string_view value) {
  if (value.empty()) return;
  if (value.size() > 36) return fail(field(tag), too_long(value, 36, " for an ID"));
  text(tag, value, TextLimit{36});
}

void RequestWriter::guid(std::string_view tag, std::string_view value, bool zero_allowed) {
  if (value.empty()) return;
  if (zero_allowed && value == "0") return raw(tag, value);
  std::string_view bare = value;
  if (bare.size() == 38 && bare.front() == '{' && bare.back() == '}') bare = bare.substr(1, 36);
  if (!is_bare_guid(bare))
    return fail(field(tag), quoted(value) + " is not a GUID ({XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX})");
  raw(tag, "{" + std::string(bare) + "}");
}

void RequestWriter::full_name(std::string_view tag, std::string_view utf8, NameLimit limit) {
  auto name = latin1(tag, utf8);
  if (!name || name->empty()) return;
  std::string object(limit.object);
  if (name->size() > limit.full_name_max)
    return fail(field(tag), too_long(*name, limit.full_name_max, " for a " + object + " FullName"));
  for (std::size_t start = 0; start <= name->size();) {
    auto end = std::min(name->find(':', start), name->size());
    if (end - start > limit.segment_max)
      return fail(field(tag), "the " + object + " Name " + too_long(name->substr(start, end - start),
                                                                     limit.segment_max, ""));
    start = end + 1;
  }
  std::string escaped;
  append_xml_escaped(escaped, *name);
  raw(tag, escaped);
}

void RequestWriter::ref(std::string_view tag, const Ref& ref, NameLimit limit) {
  if (ref.empty()) return;
  open(tag);
  id("ListID", ref.list_id);
  full_name("FullName", ref.full_name, limit);
  close();
}

void RequestWriter::address(std::string_view tag, const std::optional<Address>& a) {
  if (!a) return;
  open(tag);
  const std::string* lines[] = {&a->addr1, &a->addr2, &a->addr3, &a->addr4, &a->addr5};
  for (std::size_t i = 0; i < std::size(lines); ++i) text("Addr" + std::to_string(i + 1), *lines[i], TextLimit{41});
  text("City", a->city, TextLimit{31});
  text("State", a->state, TextLimit{21});
  text("PostalCode", a->postal_code, TextLimit{13});
  text("Country", a->country, TextLimit{31});
  text("Note", a->note, TextLimit{41});
  close();
}

void RequestWriter::decimal(std::string_view tag, const core::Decimal& value, int scale, int max_integer_digits,
                            bool fixed) {
  if (value.round_half_up(scale) != value)
    return fail(field(tag), value.to_string() + " has more than " + std::to_string(scale) +
                                " decimals; QuickBooks Desktop would round it");
  if (integer_digits(value) > static_cast<std::size_t>(max_integer_digits))
    return fail(field(tag), value.to_string() + " has more than " + std::to_string(max_integer_digits) +
                                " digits before the decimal point");
  std::string text = value.to_string(scale);
  if (!fixed) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  raw(tag, text);
}

void RequestWriter::amount(std::string_view tag, const std::optional<core::Decimal>& value) {
  if (value) decimal(tag, *value, 2, 13, true);
}

void RequestWriter::price(std::string_view tag, const std::optional<core::Decimal>& value) {
  if (value) decimal(tag, *value, 5, 10, false);
}

void RequestWriter::date(std::string_view tag, const std::optional<std::chrono::year_month_day>& value) {
  if (!value) return;
  if (!value->ok()) return fail(field(tag), "not a valid calendar date");
  raw(tag, format_date(*value));
}

void RequestWriter::date_time(std::string_view tag, const std::optional<LocalDateTime>& value) {
  if (!value) return;
  if (!value->date.ok()) return fail(field(tag), "not a valid calendar date");
  raw(tag, value->to_string());
}

void RequestWriter::boolean(std::string_view tag, const std::optional<bool>& value) {
  if (value) raw(tag, *value ? "true" : "false");
}

void RequestWriter::count(std::string_view tag, const std::optional<int>& value) {
  if (!value) return;
  if (*value < 1) return fail(field(tag), std::to_string(*value) + " is below the minimum of 1");
  raw(tag, std::to_string(*value));
}

}  // namespace ml::qbxml::detail
