// The CSV side of the fuzz checks: the reader and writer, and the four files read with them
// (the 3PL's inventory, ready and shipped files, config/catalog.csv).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/catalog.h"
#include "exchange/csv.h"
#include "exchange/inventory_csv.h"
#include "exchange/ready_csv.h"
#include "exchange/shipped_csv.h"
#include "fuzz_checks.h"

namespace fuzz {
namespace {

// Every problem names a row of the file and formats; "" or what is wrong.
std::string check_problems(std::string_view input, const std::vector<exchange::CsvProblem>& all) {
  int last_row = 1 + static_cast<int>(std::count(input.begin(), input.end(), '\n'));
  for (const exchange::CsvProblem& problem : all) {
    if (problem.row < 1 || problem.row > last_row) {
      return fmt::format("a problem on row {} of a file of {} rows", problem.row, last_row);
    }
    if (problem.message.empty()) return "a problem without a message";
    exchange::format_csv_problem("fuzz.csv", problem);
  }
  return "";
}

// A typed reader returns a value exactly when it reported no problem, and reports them right.
template <typename T>
std::string check_outcome(std::string_view input, const std::optional<T>& value,
                          const std::vector<exchange::CsvProblem>& problems) {
  if (value && !problems.empty()) return "a value returned together with problems";
  if (!value && problems.empty()) return "nullopt returned without any problem";
  return check_problems(input, problems);
}

bool is_ccyymmdd(const std::string& date) {
  return date.size() == 8 && date.find_first_not_of("0123456789") == std::string::npos;
}

// format_csv_row defuses a formula cell with a leading quote; otherwise it must read back as is.
bool reads_back_as(const std::string& read, const std::string& written) {
  return read == written || read == "'" + written;
}

}  // namespace

std::string check_csv(std::string_view input) {
  std::vector<exchange::CsvProblem> problems;
  exchange::CsvTable table = exchange::parse_csv(input, {"sku"}, problems);
  if (std::string broken = check_problems(input, problems); !broken.empty()) return broken;
  if (table.cells.size() != table.row_count() * table.header.size()) {
    return "not one cell per column in every row";
  }
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    if (table.row_numbers[r] < 2 || (r > 0 && table.row_numbers[r] <= table.row_numbers[r - 1])) {
      return fmt::format("row numbers out of order: {}", table.row_numbers[r]);
    }
  }
  // Whatever avedi writes for the 3PL with format_csv_row reads back cell for cell. Only the
  // values of an accepted file can reach the writer: a refused one (control bytes, say) cannot.
  if (!problems.empty()) return "";
  std::vector<std::string> header;
  for (std::size_t i = 0; i < table.header.size(); ++i) header.push_back(fmt::format("c{}", i));
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    std::span<const std::string_view> cells = table.row(r);
    std::vector<std::string> row(cells.begin(), cells.end());
    std::string written = exchange::format_csv_row(header) + exchange::format_csv_row(row);
    std::vector<exchange::CsvProblem> again;
    exchange::CsvTable back = exchange::parse_csv(written, {}, again);
    if (!again.empty()) return "a written row does not read back: " + again[0].message;
    if (back.row_count() != 1)
      return "a written row reads back as " + std::to_string(back.row_count());
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!reads_back_as(std::string(back.row(0)[i]), row[i])) {
        return "a written cell changes: " + row[i];
      }
    }
  }
  return "";
}

std::string check_inventory_csv(std::string_view input) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::InventorySnapshot> snapshot = exchange::parse_inventory(input, problems);
  if (std::string broken = check_outcome(input, snapshot, problems); !broken.empty()) return broken;
  if (!snapshot) return "";
  for (const auto& [sku, units] : snapshot->available) {
    if (sku.empty()) return "an empty sku accepted";
    if (units < 0) return fmt::format("{} units of {} accepted", units, sku);
  }
  return "";
}

std::string check_ready_csv(std::string_view input) {
  std::vector<exchange::CsvProblem> problems;
  auto rows = exchange::parse_ready(input, problems);
  if (std::string broken = check_outcome(input, rows, problems); !broken.empty()) return broken;
  if (!rows) return "";
  if (rows->empty()) return "a ready file without cartons accepted";
  for (const exchange::ReadyRow& row : *rows) {
    if (row.quantity <= 0) return fmt::format("quantity {} accepted", row.quantity);
    if (row.weight_kg.units() <= 0) return "a weight not above 0 accepted";
    if (!is_ccyymmdd(row.ready_date)) return "ready_date \"" + row.ready_date + "\" accepted";
  }
  return "";
}

std::string check_shipped_csv(std::string_view input) {
  std::vector<exchange::CsvProblem> problems;
  auto rows = exchange::parse_shipped(input, problems);
  if (std::string broken = check_outcome(input, rows, problems); !broken.empty()) return broken;
  if (!rows) return "";
  for (const exchange::ShippedRow& row : rows->rows) {
    const exchange::ShippingFacts& facts = rows->facts_of(row);
    if (row.quantity <= 0) return fmt::format("quantity {} accepted", row.quantity);
    if (!is_ccyymmdd(facts.ship_date)) return "ship_date \"" + facts.ship_date + "\" accepted";
    // Each goes into an X12 element of the 856.
    for (std::string_view text :
         {row.shipment_id, row.po_number, row.sku, std::string_view(facts.carrier_scac),
          std::string_view(facts.bol_number), std::string_view(facts.pro_number),
          std::string_view(facts.tracking_number)}) {
      if (!exchange::check_x12_text(text).empty()) {
        return fmt::format("\"{}\" accepted for X12", text);
      }
    }
  }
  return "";
}

std::string check_catalog_csv(std::string_view input) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::Catalog> catalog = exchange::Catalog::parse(input, problems);
  if (std::string broken = check_outcome(input, catalog, problems); !broken.empty()) return broken;
  if (!catalog) return "";
  for (const std::string& sku : {std::string("WID-100"), std::string("")}) {
    const exchange::CatalogItem* item = catalog->find(sku);
    if (item != nullptr && item->sku != sku) return "find() returned another SKU";
  }
  // A PO line with every qualifier Amazon sends resolves to one SKU or says why not.
  std::vector<model::ProductId> ids;
  for (const char* qualifier : {"BP", "EN", "UP", "UK", "IB", "VN"}) {
    ids.push_back({qualifier, "B0EXAMPLE1"});
  }
  exchange::Resolution resolution = catalog->resolve(ids);
  if ((resolution.item == nullptr) == resolution.reason.empty()) {
    return "resolve() gave both or neither of an item and a reason";
  }
  return "";
}

}  // namespace fuzz
