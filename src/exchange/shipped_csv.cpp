// Shipment confirmation parsing.
#include "exchange/shipped_csv.h"

#include <span>

#include "exchange/ready_csv.h"

namespace exchange {
namespace {

const std::vector<std::string> kColumns = {
    "shipment_id",     "po_number",         "sku",          "quantity",   "sscc",
    "pallet_sscc",     "ship_date",         "carrier_scac", "bol_number", "pro_number",
    "tracking_number", "estimated_delivery"};
// Places in kColumns.
enum Column {
  kShipmentId,
  kPoNumber,
  kSku,
  kQuantity,
  kSscc,
  kPalletSscc,
  kShipDate,
  kCarrierScac,
  kBolNumber,
  kProNumber,
  kTrackingNumber,
  kEstimatedDelivery
};

// The cells a row's ShippingFacts come from, as written.
struct FactCells {
  std::string_view ship_date, carrier_scac, bol_number, pro_number, tracking_number,
      estimated_delivery;
  bool operator==(const FactCells&) const = default;
};

}  // namespace

std::optional<ShippedFile> parse_shipped(std::string_view text, std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, kColumns, problems);
  // Each column's place, found once: a file has tens of thousands of rows.
  std::optional<std::vector<std::size_t>> at = table.columns(kColumns);
  if (!at) return std::nullopt;  // parse_csv named the missing column
  ShippedFile file;
  file.rows.reserve(table.row_count());
  // The fact cells last checked, and whether they passed: the rows of a shipment repeat them,
  // and the same text gets the same verdict, so a row repeating good cells takes the same
  // facts unchecked (the dates' checks alone were 3% of avedi-ship).
  FactCells last_good_facts;
  bool have_good_facts = false;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    int row_number = table.row_numbers[r];
    std::span<const std::string_view> cells = table.row(r);
    auto cell = [&](Column column) { return trimmed_view(cells[(*at)[column]]); };
    auto check = [&](const char* column, const std::string& why) {
      if (!why.empty()) problems.push_back({row_number, column, why});
    };
    ShippedRow row;
    row.row = row_number;
    row.shipment_id = cell(kShipmentId);
    row.po_number = cell(kPoNumber);
    row.sku = cell(kSku);
    row.sscc = cell(kSscc);
    row.pallet_sscc = cell(kPalletSscc);
    FactCells fact_cells{cell(kShipDate),  cell(kCarrierScac),    cell(kBolNumber),
                         cell(kProNumber), cell(kTrackingNumber), cell(kEstimatedDelivery)};
    // The checks run in the same order either way, so a row's problems read as before.
    bool same_facts = have_good_facts && last_good_facts == fact_cells;
    int fact_problems = 0;
    auto check_fact = [&](const char* column, const std::string& why) {
      if (why.empty()) return;
      problems.push_back({row_number, column, why});
      ++fact_problems;
    };
    for (auto [column, value] :
         {std::pair<const char*, std::string_view>{"shipment_id", row.shipment_id},
          {"po_number", row.po_number},
          {"sku", row.sku},
          {"sscc", row.sscc}}) {
      if (value.empty()) problems.push_back({row_number, column, "is empty"});
    }
    if (!same_facts) {
      check_fact("carrier_scac", fact_cells.carrier_scac.empty() ? "is empty" : "");
      check_fact("bol_number", fact_cells.bol_number.empty() ? "is empty" : "");
    }
    check("shipment_id", check_x12_text(row.shipment_id));
    check("po_number", check_x12_text(row.po_number));
    check("sku", check_x12_text(row.sku));
    if (!same_facts) {
      check_fact("carrier_scac", check_x12_text(fact_cells.carrier_scac));
      check_fact("bol_number", check_x12_text(fact_cells.bol_number));
      check_fact("pro_number", check_x12_text(fact_cells.pro_number));
      check_fact("tracking_number", check_x12_text(fact_cells.tracking_number));
    }
    check("quantity", check_positive_whole(cell(kQuantity), row.quantity));
    if (!same_facts) {
      ShippingFacts facts{"",
                          std::string(fact_cells.carrier_scac),
                          std::string(fact_cells.bol_number),
                          std::string(fact_cells.pro_number),
                          std::string(fact_cells.tracking_number),
                          ""};
      check_fact("ship_date", check_iso_date(fact_cells.ship_date, facts.ship_date));
      // DTM*017 (estimated delivery) is mandatory in Amazon's 856.
      check_fact("estimated_delivery",
                 check_iso_date(fact_cells.estimated_delivery, facts.estimated_delivery));
      have_good_facts = fact_problems == 0;
      last_good_facts = fact_cells;
      // The rows of a shipment come together and repeat its facts: one copy per run of rows.
      if (file.facts.empty() || !(file.facts.back() == facts)) {
        file.facts.push_back(std::move(facts));
      }
    }
    row.facts = static_cast<std::uint32_t>(file.facts.size() - 1);
    file.rows.push_back(row);
  }
  file.decoded = std::move(table.decoded);  // the strings stay where they are: rows view them
  if (problems.size() == before && file.rows.empty()) {
    problems.push_back({1, "", "the file has no shipped rows"});
  }
  if (problems.size() > before) return std::nullopt;
  return file;
}

}  // namespace exchange
