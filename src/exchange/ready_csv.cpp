// Ready file parsing.
#include "exchange/ready_csv.h"

#include <fmt/format.h>

#include "util/clock.h"

namespace exchange {
namespace {

const std::vector<std::string> kColumns = {"po_number", "sku",       "quantity",   "carton_id",
                                           "sscc",      "pallet_id", "weight_kg",  "length_cm",
                                           "width_cm",  "height_cm", "ready_date", "ship_from"};

}  // namespace

std::string check_positive_whole(const std::string& value, std::int64_t& out) {
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string::npos) {
    return fmt::format("\"{}\" is not a whole number", value);
  }
  out = std::stoll(value);
  if (out <= 0) return fmt::format("\"{}\" must be above 0", value);
  return "";
}

std::string check_positive_decimal(const std::string& value, model::Decimal& out) {
  std::optional<model::Decimal> parsed = model::Decimal::parse(value);
  if (!parsed) return fmt::format("\"{}\" is not a number", value);
  if (parsed->units() <= 0) return fmt::format("\"{}\" must be above 0", value);
  out = *parsed;
  return "";
}

std::string check_iso_date(const std::string& value, std::string& out) {
  if (value.size() != 10 || !util::parse_iso8601(value + "T00:00:00Z")) {
    return fmt::format("\"{}\" is not a date YYYY-MM-DD", value);
  }
  out = value.substr(0, 4) + value.substr(5, 2) + value.substr(8, 2);
  return "";
}

std::optional<std::vector<ReadyRow>> parse_ready(std::string_view text,
                                                 std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, kColumns, problems);
  for (const std::string& column : kColumns) {
    if (table.column(column) < 0) return std::nullopt;
  }
  std::vector<ReadyRow> rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    int row_number = table.row_numbers[r];
    auto cell = [&](const std::string& column) {
      return trimmed(table.rows[r][static_cast<std::size_t>(table.column(column))]);
    };
    auto check = [&](const std::string& column, const std::string& why) {
      if (!why.empty()) problems.push_back({row_number, column, why});
    };
    ReadyRow row;
    row.row = row_number;
    row.po_number = cell("po_number");
    row.sku = cell("sku");
    row.carton_id = cell("carton_id");
    row.sscc = cell("sscc");
    row.pallet_id = cell("pallet_id");
    row.ship_from = cell("ship_from");
    for (const char* required : {"po_number", "sku", "carton_id", "ship_from"}) {
      if (cell(required).empty()) problems.push_back({row_number, required, "is empty"});
    }
    check("po_number", check_x12_text(cell("po_number")));
    check("sku", check_x12_text(cell("sku")));
    check("carton_id", check_x12_text(cell("carton_id")));
    check("pallet_id", check_x12_text(cell("pallet_id")));
    check("ship_from", check_x12_text(cell("ship_from")));
    check("quantity", check_positive_whole(cell("quantity"), row.quantity));
    check("weight_kg", check_positive_decimal(cell("weight_kg"), row.weight_kg));
    check("length_cm", check_positive_decimal(cell("length_cm"), row.length_cm));
    check("width_cm", check_positive_decimal(cell("width_cm"), row.width_cm));
    check("height_cm", check_positive_decimal(cell("height_cm"), row.height_cm));
    check("ready_date", check_iso_date(cell("ready_date"), row.ready_date));
    rows.push_back(std::move(row));
  }
  if (problems.size() == before && rows.empty()) {
    problems.push_back({1, "", "the file has no carton rows"});
  }
  if (problems.size() > before) return std::nullopt;
  return rows;
}

}  // namespace exchange
