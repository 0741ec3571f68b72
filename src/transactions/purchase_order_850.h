// Amazon's Retail 850 (004010) -> model::PurchaseOrder. Pure: segments in, a struct and
// Issues out. The Issues reject the set in the 997; the PO is then not stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/purchase_order.h"
#include "transactions/set_issues.h"

namespace transactions {

// Reads `set` (an 850 that passed the syntax checks). Reports a missing mandatory segment
// (BEG, REF*CR, CSH, DTM 064/063, N1*ST, PO1, CTT), a vendor code not in `vendor_codes`, a
// quantity that is not whole, a unit of measure other than EA/CA, a line without a product id,
// and a CTT line count or quantity hash that does not add up. Returns nullopt when anything
// was reported.
std::optional<model::PurchaseOrder> read_purchase_order(
    const x12::TransactionSet& set, const std::vector<std::string>& vendor_codes,
    SetIssues& issues);

}  // namespace transactions
