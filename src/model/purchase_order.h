// Amazon's purchase order as avedi keeps it: plain structs, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.h"

namespace model {

// One product id pair of a PO line, in the order the 850 gave them (qualifier as sent: BP, EN,
// UP, UK, IB, UA, VN, ...). Echoed unchanged in the 855, 856 and 810.
struct ProductId {
  std::string qualifier;
  std::string value;
};

// The ids as one text, "BP=B0EXAMPLE1;UP=012345678905" (how the store keeps them), and back.
// A \ ; or = inside a qualifier or value is escaped with a backslash, so decoding gives back
// exactly the ids encoded, whatever the 850 held.
std::string encode_product_ids(const std::vector<ProductId>& ids);
// Appends one id as encode_product_ids writes it, "qualifier=value" with the separators inside
// escaped; the caller puts the ';' between ids.
void append_encoded_id(std::string& out, std::string_view qualifier, std::string_view value);
std::vector<ProductId> decode_product_ids(const std::string& text);

struct OrderLine {
  std::string line_id;         // PO101, echoed in the 855 PO101
  std::int64_t quantity = 0;   // PO102, whole units of `uom`
  std::string uom;             // PO103: EA or CA
  Decimal unit_price;          // PO104
  std::string price_basis;     // PO105 (e.g. PE, NT), may be empty
  std::vector<ProductId> ids;  // PO106/107, PO108/109, ...
};

struct PurchaseOrder {
  std::string purpose;             // BEG01
  std::string order_type;          // BEG02: NE, CN, NP, RO
  std::string po_number;           // BEG03
  std::string order_date;          // BEG05, CCYYMMDD
  std::string vendor_code;         // REF*CR
  std::string fob_payment;         // FOB01, may be empty
  bool backorder_allowed = false;  // CSH01 (Y: back order if out of stock)
  std::string deliver_not_before;  // DTM*064, CCYYMMDD
  std::string deliver_not_after;   // DTM*063, CCYYMMDD
  std::string ship_to_fc;          // N1*ST*..*92*<FC code> N104
  std::vector<OrderLine> lines;

  // A canonical text of every business field, one per line: equal texts mean the same order,
  // and a line diff of two texts says what changed.
  std::string canonical_text() const;
};

}  // namespace model
