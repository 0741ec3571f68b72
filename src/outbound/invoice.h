// avedi-invoice: for every PO part of a shipped shipment not yet invoiced, one 810 with the
// shipped quantities at the acknowledged price. The gate compares with what Amazon was told:
// the unit price of each line must equal the 855's, the quantity the 856's; a mismatch sends
// nothing and is reported (exit 65).
#pragma once

#include <optional>
#include <string>

#include "runner/file_job.h"

namespace outbound {

runner::FileJobResult invoice_shipments(runner::JobContext& context,
                                        const std::optional<std::string>& file);

}  // namespace outbound
