// Releasing acknowledged POs to the 3PL: one order-release CSV (orders_<timestamp>.csv) with
// the accepted lines of a batch of POs, and each PO's move to released, backordered or
// rejected. avedi-acknowledge releases each batch in the transaction that acknowledges it.
#pragma once

#include <string>
#include <vector>

#include "runner/job_context.h"
#include "store/orders.h"

namespace outbound {

// Inside the caller's open transaction: stages the CSV of the accepted lines of `orders` (all
// in state "acknowledged", with their decided lines) as part `part` (0, 1, ...) of this run's
// releases, when any line was accepted, and moves each PO on with its transition. Returns the
// line to log once committed ("" when nothing was released).
std::string stage_release(runner::JobContext& context,
                          const std::vector<store::StoredOrder>& orders, int part);

// Releases every PO acknowledged and not yet released (an older avedi committed the release
// apart from the acknowledgment), `batch` POs per transaction, numbering the parts from
// `first_part`. Delivery is the caller's.
void release_acknowledged(runner::JobContext& context, int first_part, int batch);

}  // namespace outbound
