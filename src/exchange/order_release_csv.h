// The order-release CSV for the 3PL (orders_<timestamp>.csv): the accepted lines to pick.
// Columns po_number,line,sku,quantity,ship_to_fc,deliver_not_before,deliver_not_after,
// freight_terms; quantity in eaches; dates YYYY-MM-DD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exchange {

// Views into the caller's strings (a backlog's release has a line per accepted PO line, a
// million of them: copies of the PO's fields for each cost more than the CSV itself).
struct ReleaseLine {
  std::string_view po_number;
  std::string_view line;  // PO101
  std::string_view sku;
  std::int64_t quantity = 0;  // eaches
  std::string_view ship_to_fc;
  std::string_view deliver_not_before;  // CCYYMMDD as in the 850
  std::string_view deliver_not_after;
  std::string_view freight_terms;  // collect / prepaid
};

std::string order_release_csv(const std::vector<ReleaseLine>& lines);

}  // namespace exchange
