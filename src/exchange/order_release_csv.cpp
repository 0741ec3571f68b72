// Order release CSV.
#include "exchange/order_release_csv.h"

#include <algorithm>

#include "exchange/csv.h"

namespace exchange {
namespace {

// CCYYMMDD as CCYY-MM-DD in `buffer` (any other value as it is).
std::string_view iso_date(std::string_view ccyymmdd, char (&buffer)[10]) {
  if (ccyymmdd.size() != 8) return ccyymmdd;
  std::copy_n(ccyymmdd.data(), 4, buffer);
  buffer[4] = '-';
  std::copy_n(ccyymmdd.data() + 4, 2, buffer + 5);
  buffer[7] = '-';
  std::copy_n(ccyymmdd.data() + 6, 2, buffer + 8);
  return {buffer, sizeof buffer};
}

}  // namespace

std::string order_release_csv(const std::vector<ReleaseLine>& lines) {
  std::string out;
  out.reserve(64 * (lines.size() + 1));
  const std::string_view header[] = {"po_number",         "line",         "sku",
                                     "quantity",          "ship_to_fc",   "deliver_not_before",
                                     "deliver_not_after", "freight_terms"};
  append_csv_row(out, header);
  char not_before[10], not_after[10];
  for (const ReleaseLine& line : lines) {
    const std::string quantity = std::to_string(line.quantity);
    const std::string_view cells[] = {line.po_number,
                                      line.line,
                                      line.sku,
                                      quantity,
                                      line.ship_to_fc,
                                      iso_date(line.deliver_not_before, not_before),
                                      iso_date(line.deliver_not_after, not_after),
                                      line.freight_terms};
    append_csv_row(out, cells);
  }
  return out;
}

}  // namespace exchange
