#pragma once
/// The proto/*.schema.json files, compiled into the library so services never read them at run time.
#include <span>
#include <string_view>

namespace ml::messages {

struct EmbeddedSchema {
  std::string_view type;       ///< "envelope" or a message type such as "posting.requested"
  int version;                 ///< the N of "<type>.vN.schema.json"
  std::string_view file_name;  ///< e.g. "posting.requested.v1.schema.json"
  std::string_view text;       ///< the file's exact content
};

/// Every schema file of proto/ as it was at build time, sorted by file name.
std::span<const EmbeddedSchema> embedded_schemas();

}  // namespace ml::messages
