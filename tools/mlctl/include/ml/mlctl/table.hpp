#pragma once
/// Rows as an aligned text table, a JSON array of objects, or CSV (RFC 4180).
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "ml/mlctl/context.hpp"

namespace ml::mlctl {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  /// Every row of a query result, NULL as "" (columns named as the query names them).
  static Table of(const pqxx::result& result);
};

void print(const Table& table, Format format, std::ostream& out);

/// Several titled tables: headed blocks, one JSON object keyed by title, or CSV blocks each
/// preceded by a "# title" line.
void print(const std::vector<std::pair<std::string, Table>>& sections, Format format, std::ostream& out);

}  // namespace ml::mlctl
