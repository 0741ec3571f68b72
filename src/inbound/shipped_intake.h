// avedi-ship's work on one shipped*.csv from the 3PL: the gate (nothing leaves unless every
// row holds: PO acknowledged, SKU on it, quantity within accepted minus shipped, SSCCs valid
// and never shipped, a collect shipment routed with its ARN and Amazon's carrier), then one 856
// per shipment, shipped quantities accumulated, POs partially_shipped or shipped.
#pragma once

#include "runner/file_job.h"

namespace inbound {

class ShippedIntake : public runner::FileHandler {
 public:
  runner::FileOutcome process(runner::JobContext& context, const store::FileRecord& file,
                              std::string_view content) override;
};

// tpl.inbox, names shipped*.csv.
runner::FileJobSpec shipped_intake_spec(const runner::Config& config);

}  // namespace inbound
