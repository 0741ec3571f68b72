// model -> Amazon's 855 purchase order acknowledgement (004010): BAK, then per 850 line a PO1
// echoing it and one ACK per quantity bucket (accepted, backordered, rejected), then CTT. Every
// line of the PO is acknowledged: Amazon treats a missing line as rejected.
#pragma once

#include <string>
#include <vector>

#include "model/allocation.h"
#include "model/purchase_order.h"
#include "x12/writer.h"

namespace transactions {

// The segments between ST and SE. `decisions` has one entry per line of `order`, in order.
std::vector<x12::SegmentBuilder> acknowledgment_855(
    const model::PurchaseOrder& order, const std::vector<model::LineDecision>& decisions);

// True when every line is accepted in full (BAK02 AD, else AC).
bool accepted_as_ordered(const std::vector<model::LineDecision>& decisions);

}  // namespace transactions
