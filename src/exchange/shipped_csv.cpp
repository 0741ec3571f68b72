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

}  // namespace

std::optional<ShippedFile> parse_shipped(std::string_view text, std::vector<CsvProblem>& problems) {
  std::size_t before = problems.size();
  CsvTable table = parse_csv(text, kColumns, problems);
  // Each column's place, found once: a file has tens of thousands of rows.
  std::optional<std::vector<std::size_t>> at = table.columns(kColumns);
  if (!at) return std::nullopt;  // parse_csv named the missing column
  ShippedFile file;
  file.rows.reserve(table.row_count());
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
    std::string_view carrier_scac = cell(kCarrierScac);
    std::string_view bol_number = cell(kBolNumber);
    std::string_view pro_number = cell(kProNumber);
    std::string_view tracking_number = cell(kTrackingNumber);
    for (auto [column, value] :
         {std::pair<const char*, std::string_view>{"shipment_id", row.shipment_id},
          {"po_number", row.po_number},
          {"sku", row.sku},
          {"sscc", row.sscc},
          {"carrier_scac", carrier_scac},
          {"bol_number", bol_number}}) {
      if (value.empty()) problems.push_back({row_number, column, "is empty"});
    }
    check("shipment_id", check_x12_text(row.shipment_id));
    check("po_number", check_x12_text(row.po_number));
    check("sku", check_x12_text(row.sku));
    check("carrier_scac", check_x12_text(carrier_scac));
    check("bol_number", check_x12_text(bol_number));
    check("pro_number", check_x12_text(pro_number));
    check("tracking_number", check_x12_text(tracking_number));
    check("quantity", check_positive_whole(cell(kQuantity), row.quantity));
    ShippingFacts facts{"",
                        std::string(carrier_scac),
                        std::string(bol_number),
                        std::string(pro_number),
                        std::string(tracking_number),
                        ""};
    check("ship_date", check_iso_date(cell(kShipDate), facts.ship_date));
    // DTM*017 (estimated delivery) is mandatory in Amazon's 856.
    check("estimated_delivery", check_iso_date(cell(kEstimatedDelivery), facts.estimated_delivery));
    // The rows of a shipment come together and repeat its facts: one copy per run of rows.
    if (file.facts.empty() || !(file.facts.back() == facts)) file.facts.push_back(std::move(facts));
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
