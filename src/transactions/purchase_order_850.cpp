// 850 mapping. Amazon's qualifiers come from amazon_mapping.h; positions in Issues count ST as 1.
#include "transactions/purchase_order_850.h"

#include <fmt/format.h>

#include <algorithm>

#include "transactions/amazon_mapping.h"

namespace transactions {
namespace {

struct Found {
  int beg = 0, vendor_ref = 0, csh = 0, not_before = 0, not_after = 0, ship_to = 0, ctt = 0;
  int first_line = 0;
};

// A value avedi sends back (855, 753, 856, 810, the 3PL's CSV) must be writable in every
// document it goes into: ASCII, and no '^' (the repetition separator of the 5010 753). The
// reader already reports control characters and delimiters. Without this check such a PO is
// accepted here, and then every avedi-acknowledge run fails on it (exit 74) for all POs.
void check_sendable(SetIssues& issues, int position, int element, std::string_view value) {
  for (unsigned char c : value) {
    if (c >= 0x80 || c == '^') {
      issues.bad_element(position, element, 6,
                         fmt::format("{} holds a character avedi cannot send back in its answers "
                                     "(only ASCII without ^)",
                                     x12::quote_value(value)));
      return;
    }
  }
}

// Reads PO1 into a line; reports what is wrong with it.
std::optional<model::OrderLine> read_line(const x12::Segment& segment, int position,
                                          SetIssues& issues) {
  const x12::SplitSegment po1(segment);
  model::OrderLine line;
  bool ok = true;
  line.line_id = std::string(po1.element(1));
  for (std::size_t element = 1; element <= po1.element_count(); ++element) {
    if (element != 2 && element != 4) {  // quantity and price are numbers, checked below
      check_sendable(issues, position, static_cast<int>(element), po1.element(element));
    }
  }
  std::string_view quantity = po1.element(2);
  std::optional<model::Decimal> parsed = model::Decimal::parse(quantity);
  if (quantity.empty() || !parsed || parsed->units() % model::Decimal::kUnit != 0 ||
      parsed->units() <= 0) {
    issues.bad_element(
        position, 2, quantity.empty() ? 1 : 7,
        fmt::format("quantity {} must be a whole number above 0", x12::quote_value(quantity)));
    ok = false;
  } else {
    line.quantity = parsed->units() / model::Decimal::kUnit;
  }
  line.uom = std::string(po1.element(3));
  if (line.uom != amazon::kEach && line.uom != amazon::kCase) {
    issues.bad_element(position, 3, line.uom.empty() ? 1 : 7,
                       fmt::format("unit of measure {} is not {} or {}", x12::quote_value(line.uom),
                                   amazon::kEach, amazon::kCase));
    ok = false;
  }
  std::optional<model::Decimal> price = model::Decimal::parse(po1.element(4));
  if (!price || price->units() < 0) {
    issues.bad_element(
        position, 4, po1.element(4).empty() ? 1 : 7,
        fmt::format("unit price {} is missing or not a price", x12::quote_value(po1.element(4))));
    ok = false;
  } else {
    line.unit_price = *price;
  }
  line.price_basis = std::string(po1.element(5));
  if (po1.element_count() > 6) line.ids.reserve((po1.element_count() - 4) / 2);
  for (std::size_t pair = 6; pair + 1 <= po1.element_count(); pair += 2) {
    std::string_view qualifier = po1.element(pair);
    std::string_view value = po1.element(pair + 1);
    if (qualifier.empty() && value.empty()) continue;
    if (qualifier.empty() || value.empty()) {
      issues.bad_element(position, static_cast<int>(qualifier.empty() ? pair : pair + 1), 1,
                         "a product id needs both its qualifier and its value");
      ok = false;
      continue;
    }
    line.ids.push_back({std::string(qualifier), std::string(value)});
  }
  if (ok && line.ids.empty()) {
    issues.bad_element(position, 7, 1, "the line has no product id (PO106/PO107)");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return line;
}

}  // namespace

std::optional<model::PurchaseOrder> read_purchase_order(
    const x12::TransactionSet& set, const std::vector<std::string>& vendor_codes,
    SetIssues& issues) {
  model::PurchaseOrder order;
  Found found;
  int quantity_total = 0;
  int line_count = 0;
  int se_position = static_cast<int>(set.segments.size());
  for (int index = 1; index + 1 < se_position; ++index) {
    const x12::Segment& segment = set.segments[static_cast<std::size_t>(index)];
    int position = index + 1;
    std::string_view id = segment.id();
    if (id == "BEG" && !found.beg) {
      found.beg = position;
      order.purpose = std::string(segment.element(1));
      order.order_type = std::string(segment.element(2));
      order.po_number = std::string(segment.element(3));
      check_sendable(issues, position, 3, order.po_number);
      order.order_date = std::string(segment.element(5));
    } else if (id == "REF" && segment.element(1) == amazon::kVendorCodeQualifier &&
               !found.vendor_ref) {
      found.vendor_ref = position;
      order.vendor_code = std::string(segment.element(2));
      if (std::find(vendor_codes.begin(), vendor_codes.end(), order.vendor_code) ==
          vendor_codes.end()) {
        issues.bad_element(position, 2, 7,
                           fmt::format("vendor code {} is not one of ours (vendors in the config)",
                                       x12::quote_value(order.vendor_code)));
      }
    } else if (id == "FOB") {
      order.fob_payment = std::string(segment.element(1));
    } else if (id == "CSH" && !found.csh) {
      found.csh = position;
      order.backorder_allowed = segment.element(1) == amazon::kBackorderAllowed;
    } else if (id == "DTM" && segment.element(1) == amazon::kDeliverNotBefore) {
      found.not_before = position;
      order.deliver_not_before = std::string(segment.element(2));
    } else if (id == "DTM" && segment.element(1) == amazon::kDeliverNotAfter) {
      found.not_after = position;
      order.deliver_not_after = std::string(segment.element(2));
    } else if (id == "N1" && segment.element(1) == amazon::kShipToEntity && !found.ship_to) {
      found.ship_to = position;
      order.ship_to_fc = std::string(segment.element(4));
      check_sendable(issues, position, 4, order.ship_to_fc);
      if (order.ship_to_fc.empty()) {
        issues.bad_element(position, 4, 1, "the ship-to has no fulfilment centre code (N104)");
      }
    } else if (id == "PO1") {
      if (!found.first_line) found.first_line = position;
      ++line_count;
      if (std::optional<model::OrderLine> line = read_line(segment, position, issues)) {
        quantity_total += static_cast<int>(line->quantity);
        order.lines.push_back(std::move(*line));
      }
    } else if (id == "CTT") {
      found.ctt = position;
      std::string_view count = segment.element(1);
      if (count != std::to_string(line_count) &&
          model::Decimal::parse(count) != model::Decimal::from_integer(line_count)) {
        issues.bad_element(position, 1, 7,
                           fmt::format("CTT01 {} does not match the {} PO1 lines",
                                       x12::quote_value(count), line_count));
      }
      std::string_view hash = segment.element(2);
      if (!hash.empty() &&
          model::Decimal::parse(hash) != model::Decimal::from_integer(quantity_total)) {
        issues.bad_element(position, 2, 7,
                           fmt::format("CTT02 {} does not match the sum of PO102, {}",
                                       x12::quote_value(hash), quantity_total));
      }
    }
  }
  // A mandatory segment missing is reported where it should have been.
  int heading_end = found.first_line ? found.first_line : (found.ctt ? found.ctt : se_position);
  struct Required {
    int found;
    std::string_view id;
    const char* what;
  };
  const Required required[] = {
      {found.beg, "BEG", "BEG (purchase order number and date) is missing"},
      {found.vendor_ref, "REF", "REF*CR (vendor code) is missing"},
      {found.csh, "CSH", "CSH (backorder allowed or not) is missing"},
      {found.not_before, "DTM", "DTM*064 (do not deliver before) is missing"},
      {found.not_after, "DTM", "DTM*063 (do not deliver after) is missing"},
      {found.ship_to, "N1", "N1*ST (ship-to fulfilment centre) is missing"},
  };
  for (const Required& segment : required) {
    if (!segment.found) issues.missing_segment(segment.id, heading_end, segment.what);
  }
  if (!found.first_line) {
    issues.missing_segment("PO1", found.ctt ? found.ctt : se_position, "the order has no PO1 line");
  }
  if (!found.ctt)
    issues.missing_segment("CTT", se_position, "CTT (line count and total) is missing");
  if (issues.count() > 0) return std::nullopt;
  return order;
}

}  // namespace transactions
