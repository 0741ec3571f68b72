// What avedi answers for one PO line: how much is accepted, backordered or rejected, from the
// stock that is free for it. Pure arithmetic, no I/O; the rules are Amazon's (S7): never more
// than ordered, every unit accounted for, a backorder only when the PO allows it (CSH).
#pragma once

#include <cstdint>
#include <string>

#include "model/purchase_order.h"

namespace model {

struct LineDecision {
  std::string sku;                 // "" when the line did not resolve to one SKU
  std::int64_t units_per_uom = 0;  // 1 for EA, case pack for CA, 0 when unknown
  std::int64_t accepted = 0;       // in the line's unit of measure
  std::int64_t backordered = 0;
  std::int64_t rejected = 0;
  std::string ship_date;       // CCYYMMDD of the accepted part
  std::string backorder_date;  // CCYYMMDD of the backordered part
  std::string reason;          // why not everything was accepted ("" when it was)
};

struct LineFacts {
  std::string sku;  // resolved SKU, or "" with `unresolved` saying why
  std::string unresolved;
  bool discontinued = false;
  std::int64_t case_pack = 0;   // eaches per case from the catalog (0 = unknown)
  std::int64_t free_units = 0;  // stock not yet promised to older orders
};

struct AllocationDates {
  std::string ship_date;       // for accepted units
  std::string backorder_date;  // for backordered units
};

// Decides one line. `free_units` is in eaches; CA lines are accepted in whole cases only.
LineDecision allocate_line(const OrderLine& line, const LineFacts& facts, bool backorder_allowed,
                           const AllocationDates& dates);

}  // namespace model
