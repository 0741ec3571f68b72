// Line allocation.
#include "model/allocation.h"

#include <fmt/format.h>

#include <algorithm>

namespace model {

LineDecision allocate_line(const OrderLine& line, const LineFacts& facts, bool backorder_allowed,
                           const AllocationDates& dates) {
  LineDecision decision;
  decision.sku = facts.sku;
  auto reject_all = [&](std::string reason) {
    decision.rejected = line.quantity;
    decision.reason = std::move(reason);
    return decision;
  };
  if (!facts.unresolved.empty()) return reject_all(facts.unresolved);
  if (facts.discontinued) return reject_all(fmt::format("{} is discontinued", facts.sku));
  decision.units_per_uom = line.uom == "CA" ? facts.case_pack : 1;
  if (decision.units_per_uom <= 0) {
    return reject_all(
        fmt::format("{} is ordered in cases but the catalog has no case_pack", facts.sku));
  }
  std::int64_t can_supply = std::max<std::int64_t>(facts.free_units, 0) / decision.units_per_uom;
  decision.accepted = std::min(line.quantity, can_supply);
  std::int64_t rest = line.quantity - decision.accepted;
  if (decision.accepted > 0) decision.ship_date = dates.ship_date;
  if (rest > 0) {
    std::string unit =
        line.uom == "CA" ? fmt::format(" ({} per case)", decision.units_per_uom) : "";
    decision.reason = fmt::format("{} units of {} free{}",
                                  std::max<std::int64_t>(facts.free_units, 0), facts.sku, unit);
    if (backorder_allowed) {
      decision.backordered = rest;
      decision.backorder_date = dates.backorder_date;
    } else {
      decision.rejected = rest;
      decision.reason += "; the PO allows no backorder";
    }
  }
  return decision;
}

}  // namespace model
