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

struct ShippedRow {
  int row = 0;
  std::string shipment_id;  // our supplier reference (labels_<shipment>.csv)
  std::string po_number;
  std::string sku;
  std::int64_t quantity = 0;  // eaches
  std::string sscc;
  std::string pallet_sscc;
  std::string ship_date;  // CCYYMMDD
  std::string carrier_scac;
  std::string bol_number;
  std::string pro_number;
  std::string tracking_number;
  std::string estimated_delivery;  // CCYYMMDD or ""
};

std::optional<std::vector<ShippedRow>> parse_shipped(std::string_view text,
                                                     std::vector<CsvProblem>& problems);

}  // namespace exchange
