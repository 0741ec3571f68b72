// Order release CSV.
#include "exchange/order_release_csv.h"

#include "exchange/csv.h"

namespace exchange {
namespace {

std::string iso_date(const std::string& ccyymmdd) {
  if (ccyymmdd.size() != 8) return ccyymmdd;
  return ccyymmdd.substr(0, 4) + "-" + ccyymmdd.substr(4, 2) + "-" + ccyymmdd.substr(6, 2);
}

}  // namespace

std::string order_release_csv(const std::vector<ReleaseLine>& lines) {
  std::string out = format_csv_row({"po_number", "line", "sku", "quantity", "ship_to_fc",
                                    "deliver_not_before", "deliver_not_after", "freight_terms"});
  for (const ReleaseLine& line : lines) {
    out += format_csv_row({line.po_number, line.line, line.sku, std::to_string(line.quantity),
                           line.ship_to_fc, iso_date(line.deliver_not_before),
                           iso_date(line.deliver_not_after), line.freight_terms});
  }
  return out;
}

}  // namespace exchange
