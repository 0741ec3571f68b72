// The order-release CSV for the 3PL (orders_<timestamp>.csv): the accepted lines to pick.
// Columns po_number,line,sku,quantity,ship_to_fc,deliver_not_before,deliver_not_after,
// freight_terms; quantity in eaches; dates YYYY-MM-DD.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace exchange {

struct ReleaseLine {
  std::string po_number;
  std::string line;  // PO101
  std::string sku;
  std::int64_t quantity = 0;  // eaches
  std::string ship_to_fc;
  std::string deliver_not_before;  // CCYYMMDD as in the 850
  std::string deliver_not_after;
  std::string freight_terms;  // collect / prepaid
};

std::string order_release_csv(const std::vector<ReleaseLine>& lines);

}  // namespace exchange
