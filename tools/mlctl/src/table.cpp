#include "ml/mlctl/table.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>

namespace ml::mlctl {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void write_rows(const Table& table, JsonWriter& writer) {
  writer.StartArray();
  for (const auto& row : table.rows) {
    writer.StartObject();
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      writer.Key(table.columns[i].c_str());
      writer.String(row[i].c_str(), static_cast<rapidjson::SizeType>(row[i].size()));
    }
    writer.EndObject();
  }
  writer.EndArray();
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void print_csv_line(const std::vector<std::string>& fields, std::ostream& out) {
  for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
  out << "\r\n";
}

void print_aligned(const Table& table, std::ostream& out) {
  std::vector<std::size_t> widths(table.columns.size());
  for (std::size_t i = 0; i < widths.size(); ++i) {
    widths[i] = table.columns[i].size();
    for (const auto& row : table.rows) widths[i] = std::max(widths[i], row[i].size());
  }
  const auto line = [&](const std::vector<std::string>& fields) {
    std::string text;
    for (std::size_t i = 0; i < fields.size(); ++i)
      text += fields[i] + (i + 1 < fields.size() ? std::string(widths[i] - fields[i].size() + 2, ' ') : "");
    out << text << "\n";
  };
  line(table.columns);
  if (table.rows.empty()) out << "(none)\n";
  for (const auto& row : table.rows) line(row);
}

}  // namespace

Table Table::of(const pqxx::result& result) {
  Table table;
  for (pqxx::row::size_type i = 0; i < result.columns(); ++i) table.columns.emplace_back(result.column_name(i));
  for (const auto& row : result) {
    auto& fields = table.rows.emplace_back();
    for (const auto& field : row) fields.push_back(field.is_null() ? "" : field.c_str());
  }
  return table;
}

void print(const Table& table, Format format, std::ostream& out) {
  if (format == Format::json) {
    rapidjson::OStreamWrapper stream(out);
    JsonWriter writer(stream);
    write_rows(table, writer);
    out << "\n";
  } else if (format == Format::csv) {
    print_csv_line(table.columns, out);
    for (const auto& row : table.rows) print_csv_line(row, out);
  } else {
    print_aligned(table, out);
  }
}

void print(const std::vector<std::pair<std::string, Table>>& sections, Format format, std::ostream& out) {
  if (format == Format::json) {
    rapidjson::OStreamWrapper stream(out);
    JsonWriter writer(stream);
    writer.StartObject();
    for (const auto& [title, table] : sections) {
      writer.Key(title.c_str());
      write_rows(table, writer);
    }
    writer.EndObject();
    out << "\n";
    return;
  }
  for (std::size_t i = 0; i < sections.size(); ++i) {
    out << (i ? "\n" : "") << (format == Format::csv ? "# " : "== ") << sections[i].first << "\n";
    print(sections[i].second, format, out);
  }
}

}  // namespace ml::mlctl
