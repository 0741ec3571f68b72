// The 3PL's shipment confirmation (shipped*.csv): one row per carton content shipped, columns
// shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,
// pro_number,tracking_number,estimated_delivery. Cell checks here; the gate is avedi-ship's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exchange/csv.h"

namespace exchange {

// What the 3PL says about a whole shipment, repeated on each of its rows; a file keeps each
// distinct set once (a row of a 50,000-row file would otherwise hold six strings of its own).
struct ShippingFacts {
  std::string ship_date;  // CCYYMMDD
  std::string carrier_scac;
  std::string bol_number;
  std::string pro_number;
  std::string tracking_number;
  std::string estimated_delivery;  // CCYYMMDD or ""

  bool operator==(const ShippingFacts&) const = default;
};

struct ShippedRow {
  int row = 0;
  std::uint32_t facts = 0;  // its ShippingFacts in ShippedFile::facts
  std::string shipment_id;  // our supplier reference (labels_<shipment>.csv)
  std::string po_number;
  std::string sku;
  std::int64_t quantity = 0;  // eaches
  std::string sscc;
  std::string pallet_sscc;
};

struct ShippedFile {
  std::vector<ShippedRow> rows;
  std::vector<ShippingFacts> facts;

  const ShippingFacts& facts_of(const ShippedRow& row) const { return facts[row.facts]; }
};

std::optional<ShippedFile> parse_shipped(std::string_view text, std::vector<CsvProblem>& problems);

}  // namespace exchange
