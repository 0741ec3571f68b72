// avedi-route's work on one ready*.csv from the 3PL: every carton row is checked against the
// acknowledged POs (known PO and SKU, quantity within what was accepted and not yet packed,
// valid and never-used SSCCs), cartons without an SSCC get one, cartons are grouped into
// shipments (same ship-from, FC and ready date), each collect shipment gets a 753 routing
// request and every shipment a labels_<shipment>.csv for the 3PL. Any bad row refuses the
// whole file.
#pragma once

#include "runner/file_job.h"

namespace inbound {

class ReadyIntake : public runner::FileHandler {
 public:
  runner::FileOutcome process(runner::JobContext& context, const store::FileRecord& file,
                              std::string_view content) override;
};

// tpl.inbox, names ready*.csv.
runner::FileJobSpec ready_intake_spec(const runner::Config& config);

}  // namespace inbound
