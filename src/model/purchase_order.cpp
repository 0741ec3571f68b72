// The canonical text of a purchase order (for duplicate detection and readable diffs).
#include "model/purchase_order.h"

#include <fmt/format.h>

namespace model {

namespace {

// An 850 may put any character in an id, the separators of the stored text included: they
// are escaped with a backslash so that a value like "B0EX;UP=1" stays one id.
void append_escaped(std::string& out, const std::string& text) {
  for (char c : text) {
    if (c == '\\' || c == ';' || c == '=') out += '\\';
    out += c;
  }
}

}  // namespace

std::string encode_product_ids(const std::vector<ProductId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ';';
    append_escaped(out, ids[i].qualifier);
    out += '=';
    append_escaped(out, ids[i].value);
  }
  return out;
}

std::vector<ProductId> decode_product_ids(const std::string& text) {
  std::vector<ProductId> ids;
  if (text.empty()) return ids;
  ids.emplace_back();
  bool in_value = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    if (c == '\\' && at + 1 < text.size()) {
      c = text[++at];
    } else if (c == ';') {
      ids.emplace_back();
      in_value = false;
      continue;
    } else if (c == '=' && !in_value) {
      in_value = true;
      continue;
    }
    (in_value ? ids.back().value : ids.back().qualifier) += c;
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
