// The 3PL's "cartons are packed and ready" file (ready*.csv): one row per carton content,
// columns po_number,sku,quantity,carton_id,sscc,pallet_id,weight_kg,length_cm,width_cm,
// height_cm,ready_date,ship_from (sscc and pallet_id may be empty). Cell-level checks here;
// the checks against the orders are avedi-route's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/csv.h"
#include "model/decimal.h"

namespace exchange {

struct ReadyRow {
  int row = 0;  // file row, for messages
  std::string po_number;
  std::string sku;
  std::int64_t quantity = 0;  // eaches
  std::string carton_id;
  std::string sscc;  // "" when the 3PL wants avedi to issue one
  std::string pallet_id;
  model::Decimal weight_kg;
  model::Decimal length_cm, width_cm, height_cm;
  std::string ready_date;  // CCYYMMDD (from YYYY-MM-DD)
  std::string ship_from;
};

// Parses every row; problems name row and column. nullopt when there is any.
std::optional<std::vector<ReadyRow>> parse_ready(std::string_view text,
                                                 std::vector<CsvProblem>& problems);

// Shared cell checks of the 3PL's files. Each returns "" or the rule broken.
std::string check_positive_whole(std::string_view value, std::int64_t& out);
std::string check_positive_decimal(std::string_view value, model::Decimal& out);
// "YYYY-MM-DD" -> "CCYYMMDD".
std::string check_iso_date(std::string_view value, std::string& out);

}  // namespace exchange
