// The canonical text of a purchase order (for duplicate detection and readable diffs).
#include "model/purchase_order.h"

#include <fmt/format.h>

namespace model {

std::string encode_product_ids(const std::vector<ProductId>& ids) {
  std::string out;
  for (const ProductId& id : ids) {
    if (!out.empty()) out += ';';
    out += id.qualifier + "=" + id.value;
  }
  return out;
}

std::vector<ProductId> decode_product_ids(const std::string& text) {
  std::vector<ProductId> ids;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string pair = text.substr(start, end - start);
    std::size_t equals = pair.find('=');
    ids.push_back({pair.substr(0, equals), pair.substr(equals + 1)});
    start = end + 1;
  }
  return ids;
}

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
