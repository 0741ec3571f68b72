// avedi-stock's work on one inventory*.csv from the 3PL: the whole file becomes the current
// stock snapshot atomically, or is refused whole with every bad row and column named. A
// snapshot older than the current one is refused as stale.
#pragma once

#include "runner/file_job.h"

namespace inbound {

class InventoryIntake : public runner::FileHandler {
 public:
  runner::FileOutcome process(runner::JobContext& context, const store::FileRecord& file,
                              std::string_view content) override;
};

// tpl.inbox, names inventory*.csv.
runner::FileJobSpec inventory_intake_spec(const runner::Config& config);

}  // namespace inbound
