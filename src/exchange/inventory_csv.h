// The 3PL's inventory snapshot (inventory*.csv): columns sku,available, optional
// warehouse,as_of. A file with any bad row is refused whole: a half-loaded stock count is worse
// than none.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exchange/csv.h"

namespace exchange {

struct InventorySnapshot {
  std::map<std::string, std::int64_t> available;  // sku -> units
  std::string warehouse;                          // "" when the file has none
  std::string as_of;                              // ISO 8601 UTC, "" when the file has none
};

// Parses the snapshot; every problem names its row and column. nullopt when there is any.
std::optional<InventorySnapshot> parse_inventory(std::string_view text,
                                                 std::vector<CsvProblem>& problems);

}  // namespace exchange
