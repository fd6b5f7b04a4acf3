#pragma once
// Views of C++ data as amqp_table_t; the table points into the owner, which must outlive it.
#include <amqp.h>

#include <string_view>
#include <vector>

#include "ml/bus/message.hpp"
#include "ml/bus/topology.hpp"

namespace ml::bus::detail {

inline amqp_bytes_t bytes(std::string_view text) {
  return amqp_bytes_t{text.size(), const_cast<char*>(text.data())};
}

inline std::string_view view(amqp_bytes_t bytes) {
  return {static_cast<const char*>(bytes.bytes), bytes.len};
}

class TableView {
 public:
  explicit TableView(const std::vector<Argument>& arguments);
  explicit TableView(const Headers& headers);
  amqp_table_t table() { return amqp_table_t{static_cast<int>(entries_.size()), entries_.data()}; }

 private:
  std::vector<amqp_table_entry_t> entries_;
};

/// Scalar entries as text; nested tables and arrays (e.g. x-death) are left out.
Headers to_headers(const amqp_table_t& table);

}  // namespace ml::bus::detail
