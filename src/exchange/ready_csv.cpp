// Ready file parsing.
#include "exchange/ready_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <span>
#include <string_view>
#include <utility>

#include "util/clock.h"

namespace exchange {
namespace {

const std::vector<std::string> kColumns = {"po_number", "sku",       "quantity",   "carton_id",
                                           "sscc",      "pallet_id", "weight_kg",  "length_cm",
                                           "width_cm",  "height_cm", "ready_date", "ship_from"};
// kColumns' places in that list.
enum Column {
  kPoNumber,
  kSku,
  kQuantity,
  kCartonId,
  kSscc,
  kPalletId,
  kWeightKg,
  kLengthCm,
  kWidthCm,
  kHeightCm,
  kReadyDate,
  kShipFrom
};

}  // namespace

std::string check_positive_whole(std::string_view value, std::int64_t& out) {
  if (value.empty() || value.size() > 9 ||
      value.find_first_not_of("0123456789") != std::string_view::npos) {
    return fmt::format("\"{}\" is not a whole number", value);
  }
  std::from_chars(value.data(), value.data() + value.size(), out);  // nine digits at most
  if (out <= 0) return fmt::format("\"{}\" must be above 0", value);
  return "";
}

std::string check_positive_decimal(std::string_view value, model::Decimal& out) {
  std::optional<model::Decimal> parsed = model::Decimal::parse(value);
  if (!parsed) return fmt::format("\"{}\" is not a number", value);
  if (parsed->units() <= 0) return fmt::format("\"{}\" must be above 0", value);
  out = *parsed;
  return "";
}

std::string check_iso_date(std::string_view value, std::string& out) {
  // Checked as midnight of that day, in a buffer on the stack: every row of a shipped file
  // has two dates, and building the strings cost more than the check.
  constexpr std::string_view kMidnight = "T00:00:00Z";
  std::array<char, 20> timestamp;
  if (value.size() != 10) return fmt::format("\"{}\" is not a date YYYY-MM-DD", value);
  std::copy(value.begin(), value.end(), timestamp.begin());
  std::copy(kMidnight.begin(), kMidnight.end(), timestamp.begin() + 10);
  if (!util::parse_iso8601(std::string_view(timestamp.data(), timestamp.size()))) {
    return fmt::format("\"{}\" is not a date YYYY-MM-DD", value);
  }
  out.assign(value, 0, 4).append(value, 5, 2).append(value, 8, 2);
  return "";
}

std::optional<std::vector<ReadyRow>> parse_ready(std::string_view text,
                                                 std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, kColumns, problems);
  // Each column's place found once: a ready file has tens of thousands of rows.
  std::optional<std::vector<std::size_t>> at = table.columns(kColumns);
  if (!at) return std::nullopt;  // parse_csv named the missing column
  std::vector<ReadyRow> rows;
  rows.reserve(table.row_count());
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    int row_number = table.row_numbers[r];
    std::span<const std::string_view> cells = table.row(r);
    auto cell = [&](Column column) { return trimmed(cells[(*at)[column]]); };
    auto check = [&](const char* column, const std::string& why) {
      if (!why.empty()) problems.push_back({row_number, column, why});
    };
    ReadyRow row;
    row.row = row_number;
    row.po_number = cell(kPoNumber);
    row.sku = cell(kSku);
    row.carton_id = cell(kCartonId);
    row.sscc = cell(kSscc);
    row.pallet_id = cell(kPalletId);
    row.ship_from = cell(kShipFrom);
    for (auto [column, value] :
         {std::pair<const char*, const std::string*>{"po_number", &row.po_number},
          {"sku", &row.sku},
          {"carton_id", &row.carton_id},
          {"ship_from", &row.ship_from}}) {
      if (value->empty()) problems.push_back({row_number, column, "is empty"});
    }
    check("po_number", check_x12_text(row.po_number));
    check("sku", check_x12_text(row.sku));
    check("carton_id", check_x12_text(row.carton_id));
    check("pallet_id", check_x12_text(row.pallet_id));
    check("ship_from", check_x12_text(row.ship_from));
    check("quantity", check_positive_whole(cell(kQuantity), row.quantity));
    check("weight_kg", check_positive_decimal(cell(kWeightKg), row.weight_kg));
    check("length_cm", check_positive_decimal(cell(kLengthCm), row.length_cm));
    check("width_cm", check_positive_decimal(cell(kWidthCm), row.width_cm));
    check("height_cm", check_positive_decimal(cell(kHeightCm), row.height_cm));
    check("ready_date", check_iso_date(cell(kReadyDate), row.ready_date));
    rows.push_back(std::move(row));
  }
  if (problems.size() == before && rows.empty()) {
    problems.push_back({1, "", "the file has no carton rows"});
  }
  if (problems.size() > before) return std::nullopt;
  return rows;
}

}  // namespace exchange
