// The canonical text of a purchase order (for duplicate detection and readable diffs).
#include "model/purchase_order.h"

#include <fmt/format.h>

namespace model {

std::string PurchaseOrder::canonical_text() const {
  std::string out;
  out += fmt::format("po_number: {}\n", po_number);
  out += fmt::format("purpose: {}\n", purpose);
  out += fmt::format("order_type: {}\n", order_type);
  out += fmt::format("order_date: {}\n", order_date);
  out += fmt::format("vendor_code: {}\n", vendor_code);
  out += fmt::format("fob: {}\n", fob_payment);
  out += fmt::format("backorder_allowed: {}\n", backorder_allowed ? "Y" : "N");
  out += fmt::format("deliver_not_before: {}\n", deliver_not_before);
  out += fmt::format("deliver_not_after: {}\n", deliver_not_after);
  out += fmt::format("ship_to_fc: {}\n", ship_to_fc);
  for (const OrderLine& line : lines) {
    std::string ids;
    for (const ProductId& id : line.ids) ids += fmt::format(" {}={}", id.qualifier, id.value);
    out += fmt::format("line {}: {} {} at {} {}{}\n", line.line_id, line.quantity, line.uom,
                       line.unit_price.to_string(), line.price_basis, ids);
  }
  return out;
}

}  // namespace model
