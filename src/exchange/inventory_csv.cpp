// Inventory snapshot parsing.
#include "exchange/inventory_csv.h"

#include <fmt/format.h>

#include <span>
#include <string_view>

#include "util/clock.h"

namespace exchange {
namespace {

// "2026-11-26" or "2026-11-26T08:30:00Z" -> canonical "2026-11-26T08:30:00Z".
std::optional<std::string> normalize_time(const std::string& text) {
  std::string full = text.size() == 10 ? text + "T00:00:00Z" : text;
  std::optional<util::TimePoint> parsed = util::parse_iso8601(full);
  if (!parsed) return std::nullopt;
  return util::format_time(*parsed, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace

std::optional<InventorySnapshot> parse_inventory(std::string_view text,
                                                 std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, {"sku", "available"}, problems);
  // Without its required columns no row can be read: the header problem says it all.
  if (table.column("sku") < 0 || table.column("available") < 0) return std::nullopt;
  InventorySnapshot snapshot;
  std::map<std::string, int> first_row;
  int warehouse_column = table.column("warehouse");
  int as_of_column = table.column("as_of");
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    std::span<const std::string_view> row = table.row(r);
    int row_number = table.row_numbers[r];
    std::string sku = trimmed(row[static_cast<std::size_t>(table.column("sku"))]);
    std::string available = trimmed(row[static_cast<std::size_t>(table.column("available"))]);
    if (sku.empty()) problems.push_back({row_number, "sku", "is empty"});
    bool numeric = !available.empty() && available.size() <= 12;
    for (std::size_t i = 0; i < available.size(); ++i) {
      bool sign = i == 0 && available[i] == '-' && available.size() > 1;
      if (!sign && (available[i] < '0' || available[i] > '9')) numeric = false;
    }
    if (!numeric) {
      problems.push_back(
          {row_number, "available", fmt::format("\"{}\" is not a whole number", available)});
    } else if (available[0] == '-') {
      problems.push_back({row_number, "available", fmt::format("\"{}\" is negative", available)});
    }
    if (!sku.empty()) {
      auto [where, inserted] = first_row.emplace(sku, row_number);
      if (!inserted) {
        problems.push_back(
            {row_number, "sku",
             fmt::format("\"{}\" is listed again (first on row {})", sku, where->second)});
      } else if (numeric && available[0] != '-') {
        snapshot.available[sku] = std::stoll(available);
      }
    }
    if (warehouse_column >= 0) {
      std::string warehouse = trimmed(row[static_cast<std::size_t>(warehouse_column)]);
      if (snapshot.warehouse.empty()) {
        snapshot.warehouse = warehouse;
      } else if (!warehouse.empty() && warehouse != snapshot.warehouse) {
        problems.push_back({row_number, "warehouse",
                            fmt::format("\"{}\" differs from \"{}\": one file is one warehouse",
                                        warehouse, snapshot.warehouse)});
      }
    }
    if (as_of_column >= 0) {
      std::string raw = trimmed(row[static_cast<std::size_t>(as_of_column)]);
      std::optional<std::string> as_of = normalize_time(raw);
      if (!as_of) {
        problems.push_back({row_number, "as_of",
                            fmt::format("\"{}\" is not a date YYYY-MM-DD or a UTC time "
                                        "YYYY-MM-DDTHH:MM:SSZ",
                                        raw)});
      } else if (snapshot.as_of.empty()) {
        snapshot.as_of = *as_of;
      } else if (*as_of != snapshot.as_of) {
        problems.push_back({row_number, "as_of",
                            fmt::format("\"{}\" differs from \"{}\": one file is one moment", raw,
                                        snapshot.as_of)});
      }
    }
  }
  if (problems.size() == before && table.row_count() == 0) {
    problems.push_back({1, "", "the file has no stock rows"});
  }
  if (problems.size() > before) return std::nullopt;
  return snapshot;
}

}  // namespace exchange
