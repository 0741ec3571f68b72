// avedi-acknowledge: for every received PO, oldest first, allocate the 3PL's free stock line by
// line, answer Amazon with one 855 per PO, and release the accepted lines to the 3PL in one
// order-release CSV per batch of POs. Logs every PO close to or past Amazon's 855 deadline.
#pragma once

#include <optional>
#include <string>

#include "runner/file_job.h"

namespace outbound {

// The job's work (JobDefinition::run); the job offers no --file. Throws runner::ConfigError when
// the catalog is unreadable or invalid.
runner::FileJobResult acknowledge_orders(runner::JobContext& context,
                                         const std::optional<std::string>& file);

}  // namespace outbound
