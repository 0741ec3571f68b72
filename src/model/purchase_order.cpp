// The canonical text of a purchase order (for duplicate detection and readable diffs).
#include "model/purchase_order.h"

#include <algorithm>
#include <string_view>

namespace model {

namespace {

// An 850 may put any character in an id, the separators of the stored text included: they
// are escaped with a backslash so that a value like "B0EX;UP=1" stays one id.
void append_escaped(std::string& out, std::string_view text) {
  auto special = [](char c) { return c == '\\' || c == ';' || c == '='; };
  // Almost every id has none: appended whole (avedi-invoice encodes every LIN of every 856).
  if (std::none_of(text.begin(), text.end(), special)) {
    out += text;
    return;
  }
  for (char c : text) {
    if (special(c)) out += '\\';
    out += c;
  }
}

}  // namespace

std::string encode_product_ids(const std::vector<ProductId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ';';
    append_encoded_id(out, ids[i].qualifier, ids[i].value);
  }
  return out;
}

void append_encoded_id(std::string& out, std::string_view qualifier, std::string_view value) {
  append_escaped(out, qualifier);
  out += '=';
  append_escaped(out, value);
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
  // Plain appends into one string: this runs for every PO received (100 lines each at most),
  // and formatting each field through fmt cost more than storing the PO.
  std::string out;
  out.reserve(256 + lines.size() * 64);
  auto field = [&out](std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).push_back('\n');
  };
  field("po_number", po_number);
  field("purpose", purpose);
  field("order_type", order_type);
  field("order_date", order_date);
  field("vendor_code", vendor_code);
  field("fob", fob_payment);
  field("backorder_allowed", backorder_allowed ? "Y" : "N");
  field("deliver_not_before", deliver_not_before);
  field("deliver_not_after", deliver_not_after);
  field("ship_to_fc", ship_to_fc);
  for (const OrderLine& line : lines) {
    out.append("line ").append(line.line_id).append(": ").append(std::to_string(line.quantity));
    out.append(" ").append(line.uom).append(" at ").append(line.unit_price.to_string());
    out.append(" ").append(line.price_basis);
    for (const ProductId& id : line.ids) {
      out.append(" ").append(id.qualifier).append("=").append(id.value);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace model
