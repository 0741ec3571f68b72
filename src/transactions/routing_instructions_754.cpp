// 754 mapping.
#include "transactions/routing_instructions_754.h"

#include "transactions/amazon_mapping.h"

namespace transactions {

std::optional<RoutingInstructions> read_routing_instructions(const x12::TransactionSet& set,
                                                             SetIssues& issues) {
  RoutingInstructions routing;
  int bgn = 0;
  std::string fallback_reference;
  std::string blr_scac;
  int last = static_cast<int>(set.segments.size());
  for (int index = 1; index + 1 < last; ++index) {
    const x12::Segment& segment = set.segments[static_cast<std::size_t>(index)];
    std::string_view id = segment.id();
    if (id == "BGN" && bgn == 0) {
      bgn = index + 1;
      routing.arn = std::string(segment.element(2));
      routing.supplier_reference = std::string(segment.element(6));
    } else if (id == "L11" && segment.element(2) == amazon::kSupplierReference) {
      fallback_reference = std::string(segment.element(1));
    } else if (id == "L11" && segment.element(2) == amazon::kPurchaseOrderReference) {
      routing.po_numbers.emplace_back(segment.element(1));
    } else if (id == "N1" && segment.element(1) == amazon::kCarrierEntity) {
      routing.carrier_name = std::string(segment.element(2));
      routing.carrier_scac = std::string(segment.element(4));
    } else if (id == "BLR") {
      blr_scac = std::string(segment.element(1));
    } else if (id == "G62" && segment.element(1) == amazon::kPickupDate) {
      routing.pickup_date = std::string(segment.element(2));
      routing.pickup_time = std::string(segment.element(4));
    }
  }
  if (routing.supplier_reference.empty()) routing.supplier_reference = fallback_reference;
  if (routing.carrier_scac.empty()) routing.carrier_scac = blr_scac;
  if (bgn == 0) {
    issues.missing_segment("BGN", 2, "BGN (the ARN and our reference) is missing");
  } else {
    if (routing.arn.empty()) issues.bad_element(bgn, 2, 1, "the ARN (BGN02) is missing");
    if (routing.supplier_reference.empty()) {
      issues.bad_element(bgn, 6, 1,
                         "our supplier reference (BGN06, or an L11 with qualifier SI) is missing");
    }
  }
  if (issues.count() > 0) return std::nullopt;
  return routing;
}

}  // namespace transactions
