#include "amqp_table.hpp"

#include <string>
#include <type_traits>

namespace ml::bus::detail {
namespace {

amqp_field_value_t text_value(std::string_view text) {
  amqp_field_value_t value{};
  value.kind = AMQP_FIELD_KIND_UTF8;
  value.value.bytes = bytes(text);
  return value;
}

std::optional<std::string> scalar_text(const amqp_field_value_t& value) {
  switch (value.kind) {
    case AMQP_FIELD_KIND_UTF8:
    case AMQP_FIELD_KIND_BYTES: return std::string(view(value.value.bytes));
    case AMQP_FIELD_KIND_BOOLEAN: return value.value.boolean ? "true" : "false";
    case AMQP_FIELD_KIND_I8: return std::to_string(value.value.i8);
    case AMQP_FIELD_KIND_U8: return std::to_string(value.value.u8);
    case AMQP_FIELD_KIND_I16: return std::to_string(value.value.i16);
    case AMQP_FIELD_KIND_U16: return std::to_string(value.value.u16);
    case AMQP_FIELD_KIND_I32: return std::to_string(value.value.i32);
    case AMQP_FIELD_KIND_U32: return std::to_string(value.value.u32);
    case AMQP_FIELD_KIND_I64: return std::to_string(value.value.i64);
    case AMQP_FIELD_KIND_U64:
    case AMQP_FIELD_KIND_TIMESTAMP: return std::to_string(value.value.u64);
    default: return std::nullopt;
  }
}

}  // namespace

TableView::TableView(const std::vector<Argument>& arguments) {
  entries_.reserve(arguments.size());
  for (const auto& argument : arguments) {
    amqp_table_entry_t entry{};
    entry.key = bytes(argument.key);
    if (const auto* text = std::get_if<std::string>(&argument.value)) {
      entry.value = text_value(*text);
    } else {
      entry.value.kind = AMQP_FIELD_KIND_I64;
      entry.value.value.i64 = std::get<std::int64_t>(argument.value);
    }
    entries_.push_back(entry);
  }
}

TableView::TableView(const Headers& headers) {
  entries_.reserve(headers.size());
  for (const auto& [key, value] : headers) entries_.push_back(amqp_table_entry_t{bytes(key), text_value(value)});
}

Headers to_headers(const amqp_table_t& table) {
  Headers headers;
  for (int i = 0; i < table.num_entries; ++i) {
    if (auto text = scalar_text(table.entries[i].value))
      headers.emplace_back(std::string(view(table.entries[i].key)), std::move(*text));
  }
  return headers;
}

}  // namespace ml::bus::detail
